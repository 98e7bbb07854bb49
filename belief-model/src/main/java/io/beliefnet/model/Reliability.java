package io.beliefnet.model;

/**
 * What the network believes about an agent in a domain, with its uncertainty.
 *
 * @param accuracy posterior mean probability of a correct hard label, averaged over true outcomes
 * @param accuracyStandardDeviation posterior standard deviation of that accuracy
 * @param confusion posterior-mean confusion matrix, row = truth, column = claimed label
 * @param calibrationSlope posterior mean of the slope a in q ∝ p^a for probability claims
 * @param calibrationSlopeStandardDeviation its posterior standard deviation
 * @param labelOutcomes hard-label claims learned from outcomes
 * @param forecastOutcomes probability claims learned from outcomes
 * @param consensusEvidence total expected count learned from the consensus on open propositions
 * @param independence posterior mean share of the agent's modelled evidence that is its own rather
 *     than an echo of the belief before its claims (see {@link IndependenceGrid}); claims count at
 *     this weight before the dependence and identity discounts
 */
public record Reliability(
    String agentId,
    String domain,
    double accuracy,
    double accuracyStandardDeviation,
    double[][] confusion,
    double calibrationSlope,
    double calibrationSlopeStandardDeviation,
    long labelOutcomes,
    long forecastOutcomes,
    double consensusEvidence,
    double independence,
    ReputationLedger ledger) {}
