package io.beliefnet.model;

/**
 * One input event of the belief network, in the order the network applies them: an agent
 * registering, a claim, or an outcome. {@link BeliefNetwork#apply(NetworkEvent)} dispatches on it.
 */
public sealed interface NetworkEvent permits AgentProfile, Claim, Outcome {}
