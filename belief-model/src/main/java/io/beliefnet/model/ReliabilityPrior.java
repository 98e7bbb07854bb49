package io.beliefnet.model;

/**
 * What the network assumes about an agent before it has seen any of its claims resolve, by identity
 * tier (stake lifts the tier by one step, see {@link AgentProfile#priorTier()}).
 *
 * <p>For hard labels the prior is a Dirichlet on each row of the confusion matrix: total
 * pseudo-count {@code mass}, of which a share {@code 1/K + accuracyExcess * (1 - 1/K)} sits on the
 * diagonal. For probabilities it is a normal prior on the calibration slope centred on {@code
 * slopeCentre}.
 *
 * @param accuracyExcess prior accuracy as a fraction of the way from chance (0) to certainty (1)
 * @param mass pseudo-counts per confusion-matrix row: how many claims the prior is worth
 * @param slopeCentre prior mean of the calibration slope (1 = take forecasts at face value)
 * @param slopeSpread prior standard deviation of the calibration slope
 * @param independenceLogOdds prior tilt towards the agent's claims carrying its own information:
 *     the prior odds of weight 1 against weight 0 on the {@link IndependenceGrid}, in log
 */
public record ReliabilityPrior(
    double accuracyExcess,
    double mass,
    double slopeCentre,
    double slopeSpread,
    double independenceLogOdds) {

  private static final ReliabilityPrior UNVERIFIED = new ReliabilityPrior(0.1, 2, 0.5, 0.5, 0);
  private static final ReliabilityPrior VERIFIED = new ReliabilityPrior(0.4, 2, 1.0, 0.5, 2);
  private static final ReliabilityPrior ATTESTED = new ReliabilityPrior(0.5, 4, 1.0, 0.5, 3);

  /**
   * The prior for a tier: cheap identities start near chance, vouched-for ones higher and firmer.
   */
  public static ReliabilityPrior forTier(IdentityTier tier) {
    return switch (tier) {
      case UNVERIFIED -> UNVERIFIED;
      case VERIFIED -> VERIFIED;
      case ATTESTED -> ATTESTED;
    };
  }

  /** Prior pseudo-count of claiming {@code claimed} when the truth is {@code truth}, K outcomes. */
  double pseudoCount(int truth, int claimed, int outcomeCount) {
    double diagonal = 1.0 / outcomeCount + accuracyExcess * (1 - 1.0 / outcomeCount);
    return truth == claimed ? mass * diagonal : mass * (1 - diagonal) / (outcomeCount - 1);
  }

  /** Log prior density (up to a constant) of calibration slope {@code slope}. */
  double slopeLogPrior(double slope) {
    double z = (slope - slopeCentre) / slopeSpread;
    return -0.5 * z * z;
  }
}
