package io.beliefnet.pipeline.state;

import io.beliefnet.model.AgentDomainState;
import io.beliefnet.model.DomainState;
import io.beliefnet.model.DomainStore;
import io.beliefnet.model.OpenClaimSlots;
import io.beliefnet.model.PropositionState;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * A domain's model state in Flink keyed state (the key is the domain). Keyed state backends copy
 * values in and out, so the objects handed to the model during one event are remembered and written
 * back by {@link #flush()}, which the operator calls after every event.
 *
 * <p>Bytes per key, as measured by the model's state classes: {@code PropositionState} per
 * proposition (ids + 8 K + about 100 bytes, plus {@code ClaimState#serializedBytes()} per standing
 * claim: about 115 bytes for an open hard label with short ids, 200 once scored), {@code
 * AgentDomainState} per agent that claimed in the domain (412 bytes for K = 2, 604 for K = 4), and
 * per open claim an {@code OpenClaim} entry (the agent and proposition ids plus about 60 bytes, see
 * {@link KeyedOpenClaims}).
 */
public final class KeyedDomainStore implements DomainStore {

  private static final ValueStateDescriptor<DomainState> DOMAIN =
      new ValueStateDescriptor<>("domain", TypeInformation.of(DomainState.class));
  private static final MapStateDescriptor<String, PropositionState> PROPOSITIONS =
      new MapStateDescriptor<>(
          "propositions", Types.STRING, TypeInformation.of(PropositionState.class));
  private static final MapStateDescriptor<String, AgentDomainState> AGENTS =
      new MapStateDescriptor<>("agents", Types.STRING, TypeInformation.of(AgentDomainState.class));

  private final ValueState<DomainState> domainState;
  private final MapState<String, PropositionState> propositionState;
  private final MapState<String, AgentDomainState> agentState;
  private final KeyedOpenClaims openClaims;

  private DomainState domain;
  private final Map<String, PropositionState> propositions = new HashMap<>();
  private final Map<String, AgentDomainState> agents = new HashMap<>();

  public KeyedDomainStore(RuntimeContext context) {
    domainState = context.getState(DOMAIN);
    propositionState = context.getMapState(PROPOSITIONS);
    agentState = context.getMapState(AGENTS);
    openClaims = new KeyedOpenClaims(context);
  }

  @Override
  public DomainState domain() {
    if (domain == null) {
      domain = read(domainState);
      if (domain == null) {
        domain = new DomainState();
      }
    }
    return domain;
  }

  @Override
  public Optional<PropositionState> proposition(String propositionId) {
    PropositionState cached = propositions.get(propositionId);
    if (cached == null) {
      cached = get(propositionState, propositionId);
      if (cached != null) {
        propositions.put(propositionId, cached);
      }
    }
    return Optional.ofNullable(cached);
  }

  @Override
  public void addProposition(PropositionState proposition) {
    propositions.put(proposition.getId(), proposition);
  }

  /** Drops a proposition's state (its agents' entries go when a re-stamp finds it gone). */
  @Override
  public void removeProposition(String propositionId) {
    propositions.remove(propositionId);
    try {
      propositionState.remove(propositionId);
    } catch (Exception e) {
      throw new IllegalStateException("cannot remove proposition " + propositionId, e);
    }
  }

  @Override
  public AgentDomainState agent(String agentId) {
    return agents.computeIfAbsent(agentId, id -> getOr(agentState, id, AgentDomainState::new));
  }

  @Override
  public OpenClaimSlots openClaims(String agentId) {
    return openClaims.of(agentId);
  }

  /** Writes back everything handed out during the current event and forgets it. */
  public void flush() {
    try {
      if (domain != null) {
        domainState.update(domain);
      }
      propositionState.putAll(propositions);
      agentState.putAll(agents);
      openClaims.flush();
    } catch (Exception e) {
      throw new IllegalStateException("cannot write the domain's state", e);
    }
    discard();
  }

  /**
   * Forgets everything handed out during the current event without writing it back, so that an
   * event the model refused halfway leaves the domain's state as it was.
   */
  public void discard() {
    domain = null;
    propositions.clear();
    agents.clear();
    openClaims.discard();
  }

  private static <T> T read(ValueState<T> state) {
    try {
      return state.value();
    } catch (Exception e) {
      throw new IllegalStateException("cannot read " + state, e);
    }
  }

  private static <K, V> V getOr(MapState<K, V> state, K key, Supplier<V> empty) {
    V value = get(state, key);
    return value != null ? value : empty.get();
  }

  private static <K, V> V get(MapState<K, V> state, K key) {
    try {
      return state.get(key);
    } catch (Exception e) {
      throw new IllegalStateException("cannot read key " + key + " of " + state, e);
    }
  }
}
