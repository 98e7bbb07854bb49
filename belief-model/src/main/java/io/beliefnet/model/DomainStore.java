package io.beliefnet.model;

import java.util.Optional;

/**
 * Where one domain's state lives: in memory for replays, in keyed state in a streaming job. A
 * {@link DomainNetwork} mutates the objects it gets from here in place; a store that copies state
 * in and out (as keyed state backends do) must write back every object it handed out once the
 * network has finished with the current event.
 */
public interface DomainStore {

  /** What is learned about the domain as a whole; created empty on first use. */
  DomainState domain();

  /** The proposition's state, if it was seen and not removed. */
  Optional<PropositionState> proposition(String propositionId);

  /** Stores a new proposition. */
  void addProposition(PropositionState proposition);

  /** Forgets a proposition (its agents' open-claim entries go when a re-stamp finds it gone). */
  void removeProposition(String propositionId);

  /** What is learned about the agent in this domain; created from the prior on first use. */
  AgentDomainState agent(String agentId);

  /** The agent's open claims in this domain; created empty on first use. */
  OpenClaimSlots openClaims(String agentId);
}
