package io.beliefnet.model;

/**
 * What one claim earned when its proposition resolved to {@code outcome}.
 *
 * @param informationGain log P_after(y*) - log P_before(y*) in nats, where P_before and P_after are
 *     the consensus just before and just after the claim in event-time order, both evaluated with
 *     the reliabilities known at resolution; over a proposition these telescope to the network's
 *     total gain
 * @param stake the stake settled: the claim's own, else the agent's, else a nominal 1 (reputation
 *     only)
 * @param amount stake x information gain
 * @param logScore log of the probability the claim as stated gave the outcome (clamped)
 * @param brier half the squared error of the claim as stated, summed over outcomes ((p - y)^2 if
 *     binary)
 */
public record Settlement(
    String agentId,
    String propositionId,
    String domain,
    int outcome,
    double informationGain,
    double stake,
    double amount,
    double logScore,
    double brier) {}
