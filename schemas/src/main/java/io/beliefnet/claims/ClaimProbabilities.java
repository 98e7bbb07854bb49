package io.beliefnet.claims;

import java.util.List;
import java.util.Optional;

/**
 * What a claim's probabilities must be: producers check them before sending, the job on arrival, by
 * this one rule.
 */
public final class ClaimProbabilities {

  /** How far from 1 the probabilities may sum: rounding, not a second chance at normalising. */
  public static final double SUM_TOLERANCE = 1e-6;

  private ClaimProbabilities() {}

  /**
   * What is wrong with {@code probabilities} for a proposition with {@code outcomeCount} outcomes
   * (one-hot if {@code hardLabel}), or empty.
   */
  public static Optional<String> problem(
      List<Double> probabilities, int outcomeCount, boolean hardLabel) {
    if (probabilities.size() != outcomeCount) {
      return Optional.of(
          "has "
              + probabilities.size()
              + " probabilities for "
              + outcomeCount
              + " outcomes (give one per outcome, in the order of `outcomes`)");
    }
    double sum = 0;
    for (double p : probabilities) {
      if (!(p >= 0 && p <= 1)) {
        return Optional.of("has probability " + p + " (each must be in [0, 1])");
      }
      sum += p;
    }
    if (Math.abs(sum - 1) > SUM_TOLERANCE) {
      return Optional.of(
          "has probabilities summing to " + sum + " (must be 1 ± " + SUM_TOLERANCE + ")");
    }
    if (hardLabel && probabilities.stream().filter(p -> p == 1.0).count() != 1) {
      return Optional.of("is a hard label but its probabilities are not one-hot: " + probabilities);
    }
    return Optional.empty();
  }
}
