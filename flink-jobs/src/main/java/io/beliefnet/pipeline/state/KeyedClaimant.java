package io.beliefnet.pipeline.state;

import io.beliefnet.model.AgentDomainState;
import io.beliefnet.model.OpenClaim;
import io.beliefnet.model.OpenClaimRing;
import io.beliefnet.model.OpenClaimSlots;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * One agent's state in one domain, in keyed state under the key (agent, domain): what is learned
 * about it ({@link AgentDomainState}: 412 bytes for K = 2, 604 for K = 4) and its open claims, a
 * ring header plus one entry per open claim by slot (its proposition id and about 60 bytes) and one
 * index entry per proposition, so a claim, a resolution or a re-stamp reads and writes single
 * entries, never the agent's whole list. Reads are remembered and writes wait for {@link #flush()},
 * which the stage calls after each event.
 */
public final class KeyedClaimant implements OpenClaimSlots {

  private static final ValueStateDescriptor<AgentDomainState> LEARNED =
      new ValueStateDescriptor<>("learned", TypeInformation.of(AgentDomainState.class));
  private static final ValueStateDescriptor<OpenClaimRing> RING =
      new ValueStateDescriptor<>("open-claim-ring", TypeInformation.of(OpenClaimRing.class));
  private static final MapStateDescriptor<Long, OpenClaim> CLAIMS =
      new MapStateDescriptor<>(
          "open-claims-by-slot", Types.LONG, TypeInformation.of(OpenClaim.class));
  private static final MapStateDescriptor<String, Long> SLOTS =
      new MapStateDescriptor<>("open-claim-slots", Types.STRING, Types.LONG);

  private final ValueState<AgentDomainState> learnedState;
  private final ValueState<OpenClaimRing> ringState;
  private final BufferedMapState<Long, OpenClaim> claims;
  private final BufferedMapState<String, Long> slots;
  private AgentDomainState learned;
  private boolean learnedChanged;
  private OpenClaimRing ring;
  private boolean ringChanged;

  public KeyedClaimant(RuntimeContext context) {
    learnedState = context.getState(LEARNED);
    ringState = context.getState(RING);
    claims = new BufferedMapState<>(context.getMapState(CLAIMS));
    slots = new BufferedMapState<>(context.getMapState(SLOTS));
  }

  /** What is learned about the agent in the domain; the prior's (empty) state at first. */
  public AgentDomainState learned() {
    if (learned == null) {
      learned = read(learnedState);
      if (learned == null) {
        learned = new AgentDomainState();
      }
    }
    return learned;
  }

  /** Notes that {@link #learned()} was changed, to be written back. */
  public void learnedChanged() {
    learnedChanged = true;
  }

  @Override
  public OpenClaimRing ring() {
    if (ring == null) {
      ring = read(ringState);
      if (ring == null) {
        ring = new OpenClaimRing();
      }
    }
    return ring;
  }

  @Override
  public void update(OpenClaimRing ring) {
    this.ring = ring;
    ringChanged = true;
  }

  @Override
  public OpenClaim get(long slot) {
    return claims.get(slot);
  }

  @Override
  public void put(OpenClaim claim) {
    claims.put(claim.getSlot(), claim);
  }

  @Override
  public void remove(long slot) {
    claims.remove(slot);
  }

  @Override
  public Long slotOf(String propositionId) {
    return slots.get(propositionId);
  }

  @Override
  public void index(String propositionId, Long slot) {
    if (slot == null) {
      slots.remove(propositionId);
    } else {
      slots.put(propositionId, slot);
    }
  }

  /** Writes back what the current event changed and forgets what it read. */
  public void flush() {
    try {
      if (learnedChanged) {
        learnedState.update(learned);
      }
      if (ringChanged) {
        ringState.update(ring);
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot write an agent's state", e);
    }
    claims.flush();
    slots.flush();
    learned = null;
    learnedChanged = false;
    ring = null;
    ringChanged = false;
  }

  private static <T> T read(ValueState<T> state) {
    try {
      return state.value();
    } catch (Exception e) {
      throw new IllegalStateException("cannot read " + state, e);
    }
  }
}
