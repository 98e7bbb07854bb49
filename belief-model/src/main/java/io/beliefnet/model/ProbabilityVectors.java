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
