package io.beliefnet.model;

import java.util.Arrays;

/**
 * What a claim says about the outcome: a hard label or a probability distribution. Hard labels are
 * judged through the agent's confusion matrix, distributions through its calibration.
 */
public sealed interface ClaimContent permits ClaimContent.HardLabel, ClaimContent.Distribution {

  /** Checks that the content fits a proposition with {@code outcomeCount} outcomes. */
  void requireFits(int outcomeCount, String claimDescription);

  /**
   * The claim stated as a distribution, each probability at least {@code floor}: what proper
   * scoring rules score. A hard label puts all but the floor on its label.
   */
  double[] asDistribution(int outcomeCount, double floor);

  /** "The outcome is {@code label}" (0-based). */
  record HardLabel(int label) implements ClaimContent {
    @Override
    public void requireFits(int outcomeCount, String claimDescription) {
      if (label < 0 || label >= outcomeCount) {
        throw new IllegalArgumentException(
            claimDescription + " has label " + label + ": must be in 0.." + (outcomeCount - 1));
      }
    }

    @Override
    public double[] asDistribution(int outcomeCount, double floor) {
      double[] p = new double[outcomeCount];
      Arrays.fill(p, floor);
      p[label] = 1 - floor * (outcomeCount - 1);
      return p;
    }
  }

  /**
   * "The outcome is k with probability {@code probabilities[k]}". Zeros and ones are allowed and
   * clamped when used, since forecasters do state them.
   */
  record Distribution(double[] probabilities) implements ClaimContent {
    /** Tolerance on the sum of the probabilities. */
    public static final double SUM_TOLERANCE = 1e-6;

    public Distribution {
      probabilities = probabilities.clone();
    }

    @Override
    public double[] probabilities() {
      return probabilities.clone();
    }

    @Override
    public void requireFits(int outcomeCount, String claimDescription) {
      if (probabilities.length != outcomeCount) {
        throw new IllegalArgumentException(
            claimDescription
                + " gives "
                + probabilities.length
                + " probabilities: the proposition has "
                + outcomeCount
                + " outcomes");
      }
      double sum = 0;
      for (double p : probabilities) {
        if (!(p >= 0 && p <= 1)) {
          throw new IllegalArgumentException(
              claimDescription + " has probability " + p + ": each must be in [0, 1]");
        }
        sum += p;
      }
      if (Math.abs(sum - 1) > SUM_TOLERANCE) {
        throw new IllegalArgumentException(
            claimDescription
                + ": probabilities sum to "
                + sum
                + " (must be 1 ± "
                + SUM_TOLERANCE
                + ")");
      }
    }

    @Override
    public double[] asDistribution(int outcomeCount, double floor) {
      return ProbabilityVectors.clampAndNormalise(probabilities, floor);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Distribution d && Arrays.equals(probabilities, d.probabilities);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(probabilities);
    }

    @Override
    public String toString() {
      return "Distribution" + Arrays.toString(probabilities);
    }
  }
}
