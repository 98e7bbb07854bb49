package io.beliefnet.model;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A domain's state in plain maps, for replays and tests. */
final class InMemoryDomainStore implements DomainStore {
  private final DomainState domain = new DomainState();
  private final Map<String, PropositionState> propositions = new HashMap<>();
  private final Map<String, AgentDomainState> agents = new HashMap<>();
  private final Map<String, OpenClaimSlots> openClaims = new HashMap<>();

  @Override
  public DomainState domain() {
    return domain;
  }

  @Override
  public Optional<PropositionState> proposition(String propositionId) {
    return Optional.ofNullable(propositions.get(propositionId));
  }

  @Override
  public void addProposition(PropositionState proposition) {
    propositions.put(proposition.getId(), proposition);
  }

  @Override
  public void removeProposition(String propositionId) {
    propositions.remove(propositionId);
  }

  @Override
  public AgentDomainState agent(String agentId) {
    return agents.computeIfAbsent(agentId, id -> new AgentDomainState());
  }

  /** The agent's state if it ever claimed in this domain. */
  Optional<AgentDomainState> existingAgent(String agentId) {
    return Optional.ofNullable(agents.get(agentId));
  }

  @Override
  public OpenClaimSlots openClaims(String agentId) {
    return openClaims.computeIfAbsent(agentId, id -> new InMemoryOpenClaimSlots());
  }

  int propositionCount() {
    return propositions.size();
  }

  long propositionStateBytes() {
    long bytes = 0;
    for (PropositionState proposition : propositions.values()) {
      bytes += proposition.serializedBytes();
    }
    return bytes;
  }
}
