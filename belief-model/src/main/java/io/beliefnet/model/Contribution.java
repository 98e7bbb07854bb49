package io.beliefnet.model;

/**
 * How much one agent's claim moved a belief: {@code pull} = weight × (log-likelihood of the leading
 * outcome − mean log-likelihood over outcomes), in nats; positive pulls towards the leading
 * outcome.
 */
public record Contribution(String agentId, double weight, double pull) {}
