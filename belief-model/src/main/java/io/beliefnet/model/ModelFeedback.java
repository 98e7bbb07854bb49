package io.beliefnet.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What applying an event to one proposition teaches the rest of the network, as additive deltas:
 * per claimant, an {@link AgentDomainState} built from zero (consensus credit replaced, outcomes
 * scored, settlements); for the domain, a {@link DomainState} built from zero (base rate,
 * population calibration, pooling); and the propositions each claimant no longer holds an open
 * claim on. Deltas commute, so whoever owns an agent's or the domain's state can apply them, and
 * several can be summed before they are applied. Agents appear in the order they were first
 * credited, so applying them in that order is deterministic.
 */
final class ModelFeedback {
  private final Map<String, AgentDomainState> agents = new LinkedHashMap<>();
  private final Map<String, List<String>> closedClaims = new LinkedHashMap<>();
  private final DomainState domain = new DomainState();

  /** The delta of one claimant, created empty on first use. */
  AgentDomainState agent(String agentId) {
    return agents.computeIfAbsent(agentId, id -> new AgentDomainState());
  }

  /** The delta of the domain. */
  DomainState domain() {
    return domain;
  }

  /** Notes that the agent's claim on the proposition no longer counts as open. */
  void closed(String agentId, String propositionId) {
    closedClaims.computeIfAbsent(agentId, id -> new ArrayList<>()).add(propositionId);
    agent(agentId);
  }

  Map<String, AgentDomainState> agents() {
    return agents;
  }

  List<String> closedClaims(String agentId) {
    return closedClaims.getOrDefault(agentId, List.of());
  }

  boolean isEmpty() {
    return agents.isEmpty();
  }
}
