package io.beliefnet.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What applying events to propositions teaches the rest of the network, as additive deltas: per
 * claimant, an {@link AgentDomainState} built from zero (consensus credit replaced, outcomes
 * scored, settlements); for the domain, a {@link DomainState} built from zero (base rate,
 * population calibration, pooling); and, per claimant, the changes to which of its claims stand
 * open, in the order they happened. Deltas commute, so whoever owns an agent's or the domain's
 * state can apply them, and several feedbacks can be summed ({@link #add}) before they are applied.
 * Agents appear in the order they were first named, so applying them in that order is
 * deterministic.
 */
public final class ModelFeedback {
  private final Map<String, AgentDomainState> agents = new LinkedHashMap<>();
  private final Map<String, List<OpenClaimChange>> openClaimChanges = new LinkedHashMap<>();
  private final DomainState domain = new DomainState();

  /**
   * A claim that became open ({@code opened} set) or stopped being open ({@code opened} null) on a
   * proposition: what its agent's side must remember to stamp it again.
   */
  public record OpenClaimChange(String propositionId, OpenClaim opened) {}

  /** What one agent is told: its delta (null if it learned nothing) and its open-claim changes. */
  public record AgentFeedback(AgentDomainState delta, List<OpenClaimChange> openClaimChanges) {

    /** True if an outcome taught part of the delta. */
    public boolean learnedFromOutcomes() {
      return delta != null && delta.learnedFromOutcomes();
    }
  }

  /** The delta of one claimant, created empty on first use. */
  AgentDomainState agent(String agentId) {
    return agents.computeIfAbsent(agentId, id -> new AgentDomainState());
  }

  /** The delta of the domain. */
  public DomainState domain() {
    return domain;
  }

  /** Notes that the agent's claim on a proposition is open now, as {@code claim} describes it. */
  void opened(String agentId, OpenClaim claim) {
    changes(agentId).add(new OpenClaimChange(claim.getPropositionId(), claim));
  }

  /** Notes that the agent's claim on the proposition no longer counts as open. */
  void closed(String agentId, String propositionId) {
    forgotten(agentId, propositionId);
    agent(agentId);
  }

  /**
   * Notes that the agent holds no open claim on the proposition (found when a re-stamp reaches a
   * proposition resolved, forgotten or claimed again since), without teaching it anything.
   */
  void forgotten(String agentId, String propositionId) {
    changes(agentId).add(new OpenClaimChange(propositionId, null));
  }

  private List<OpenClaimChange> changes(String agentId) {
    return openClaimChanges.computeIfAbsent(agentId, id -> new ArrayList<>());
  }

  /** The agents told something, in the order they were first named. */
  public Set<String> agentIds() {
    Set<String> ids = new LinkedHashSet<>(agents.keySet());
    ids.addAll(openClaimChanges.keySet());
    return ids;
  }

  /** What {@code agentId} is told. */
  public AgentFeedback of(String agentId) {
    return new AgentFeedback(
        agents.get(agentId), openClaimChanges.getOrDefault(agentId, List.of()));
  }

  /** Adds what {@code agentId} was told elsewhere, after what this feedback tells it already. */
  public void add(String agentId, AgentFeedback told) {
    if (told.delta() != null) {
      agent(agentId).add(told.delta());
    }
    if (!told.openClaimChanges().isEmpty()) {
      changes(agentId).addAll(told.openClaimChanges());
    }
  }

  /** Adds everything {@code later} tells, as if it had been told after this. */
  public void add(ModelFeedback later) {
    domain.add(later.domain);
    for (String agentId : later.agentIds()) {
      add(agentId, later.of(agentId));
    }
  }

  public boolean isEmpty() {
    return agents.isEmpty() && openClaimChanges.isEmpty() && domain.isEmpty();
  }
}
