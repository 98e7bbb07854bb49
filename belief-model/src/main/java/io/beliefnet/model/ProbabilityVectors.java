package io.beliefnet.model;

/** Numerically careful operations on probability and log-probability vectors. */
public final class ProbabilityVectors {
  private ProbabilityVectors() {}

  /** Turns unnormalised log weights into a distribution (log-sum-exp, so no overflow). */
  public static double[] softmax(double[] logWeights) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : logWeights) {
      max = Math.max(max, v);
    }
    double[] p = new double[logWeights.length];
    double sum = 0;
    for (int k = 0; k < p.length; k++) {
      p[k] = Math.exp(logWeights[k] - max);
      sum += p[k];
    }
    for (int k = 0; k < p.length; k++) {
      p[k] /= sum;
    }
    return p;
  }

  /** Clamps every probability into [floor, 1 - floor] and renormalises. */
  public static double[] clampAndNormalise(double[] probabilities, double floor) {
    double[] p = new double[probabilities.length];
    double sum = 0;
    for (int k = 0; k < p.length; k++) {
      p[k] = Math.min(1 - floor, Math.max(floor, probabilities[k]));
      sum += p[k];
    }
    for (int k = 0; k < p.length; k++) {
      p[k] /= sum;
    }
    return p;
  }

  /**
   * The mean of the evenly spaced grid 0, 1/(n − 1), ..., 1 under the distribution softmax({@code
   * logWeights}), n = its length: the posterior mean of a parameter on such a grid.
   */
  static double unitGridMean(double[] logWeights) {
    double[] p = softmax(logWeights);
    double mean = 0;
    for (int j = 0; j < p.length; j++) {
      mean += p[j] * (j / (double) (p.length - 1));
    }
    return mean;
  }

  /** {@code values}, each times {@code factor}. */
  static double[] scaled(double[] values, double factor) {
    double[] result = new double[values.length];
    for (int k = 0; k < values.length; k++) {
      result[k] = factor * values[k];
    }
    return result;
  }

  /** Index of the largest entry; ties go to the lowest index. */
  public static int argmax(double[] values) {
    int best = 0;
    for (int k = 1; k < values.length; k++) {
      if (values[k] > values[best]) {
        best = k;
      }
    }
    return best;
  }
}
