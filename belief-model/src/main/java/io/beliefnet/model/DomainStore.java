package io.beliefnet.model;

/**
 * Where one domain's state lives when a replay keeps all of it in one place: its propositions, its
 * agents' states and open claims, and the domain's own state. A streaming job keeps the same state
 * under three kinds of key instead (see {@link PropositionUpdater} and {@link ClaimantModel}).
 */
public interface DomainStore extends PropositionStore {

  /** What is learned about the domain as a whole; created empty on first use. */
  DomainState domain();

  /** What is learned about the agent in this domain; created from the prior on first use. */
  AgentDomainState agent(String agentId);

  /** The agent's open claims in this domain; created empty on first use. */
  OpenClaimSlots openClaims(String agentId);
}
