package io.beliefnet.pipeline.state;

import io.beliefnet.model.OpenClaim;
import io.beliefnet.model.OpenClaimRing;
import io.beliefnet.model.OpenClaimSlots;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;

/**
 * Every agent's open claims in a domain as entries of keyed map state: a ring header per agent, one
 * entry per open claim under (agent, slot), and one index entry under (agent, proposition). A
 * claim, a resolution or a re-stamp reads and writes single entries, never an agent's whole list.
 */
final class KeyedOpenClaims {

  private static final MapStateDescriptor<String, OpenClaimRing> RINGS =
      new MapStateDescriptor<>(
          "open-claim-rings", Types.STRING, TypeInformation.of(OpenClaimRing.class));
  private static final MapStateDescriptor<Tuple2<String, Long>, OpenClaim> CLAIMS =
      new MapStateDescriptor<>(
          "open-claims-by-slot",
          Types.TUPLE(Types.STRING, Types.LONG),
          TypeInformation.of(OpenClaim.class));
  private static final MapStateDescriptor<Tuple2<String, String>, Long> SLOTS =
      new MapStateDescriptor<>(
          "open-claim-slots", Types.TUPLE(Types.STRING, Types.STRING), Types.LONG);

  private final BufferedMapState<String, OpenClaimRing> rings;
  private final BufferedMapState<Tuple2<String, Long>, OpenClaim> claims;
  private final BufferedMapState<Tuple2<String, String>, Long> slots;

  KeyedOpenClaims(RuntimeContext context) {
    rings = new BufferedMapState<>(context.getMapState(RINGS));
    claims = new BufferedMapState<>(context.getMapState(CLAIMS));
    slots = new BufferedMapState<>(context.getMapState(SLOTS));
  }

  /** The open claims of {@code agentId} in the current domain. */
  OpenClaimSlots of(String agentId) {
    return new AgentSlots(agentId);
  }

  void flush() {
    rings.flush();
    claims.flush();
    slots.flush();
  }

  void discard() {
    rings.discard();
    claims.discard();
    slots.discard();
  }

  private final class AgentSlots implements OpenClaimSlots {
    private final String agentId;

    AgentSlots(String agentId) {
      this.agentId = agentId;
    }

    @Override
    public OpenClaimRing ring() {
      OpenClaimRing ring = rings.get(agentId);
      return ring != null ? ring : new OpenClaimRing();
    }

    @Override
    public void update(OpenClaimRing ring) {
      rings.put(agentId, ring);
    }

    @Override
    public OpenClaim get(long slot) {
      return claims.get(Tuple2.of(agentId, slot));
    }

    @Override
    public void put(OpenClaim claim) {
      claims.put(Tuple2.of(agentId, claim.getSlot()), claim);
    }

    @Override
    public void remove(long slot) {
      claims.remove(Tuple2.of(agentId, slot));
    }

    @Override
    public Long slotOf(String propositionId) {
      return slots.get(Tuple2.of(agentId, propositionId));
    }

    @Override
    public void index(String propositionId, Long slot) {
      if (slot == null) {
        slots.remove(Tuple2.of(agentId, propositionId));
      } else {
        slots.put(Tuple2.of(agentId, propositionId), slot);
      }
    }
  }
}
