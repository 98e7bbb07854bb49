package io.beliefnet.model;

/**
 * Calibration of probability claims as a posterior over a fixed grid of slopes a: a forecast p is
 * read as q_k ∝ p_k^a (for binary claims, logit q = a · logit p). a = 1 takes forecasts at face
 * value, a < 1 shrinks an over-confident forecaster towards chance, a > 1 extremizes a timid one, a
 * = 0 ignores it. A fixed grid keeps the state a constant {@value #SIZE} doubles per agent and
 * domain, with exact Bayesian updates (sums of log likelihoods) that can be taken back on a
 * correction.
 */
public final class CalibrationGrid {
  /** Number of slopes on the grid. */
  public static final int SIZE = 25;

  private static final double STEP = 0.1;

  private CalibrationGrid() {}

  static double slope(int index) {
    return index * STEP;
  }

  /**
   * For each slope a on the grid, log q(outcome) where q ∝ p^a: the log likelihood of the outcome
   * under that recalibration of the (clamped) forecast {@code p}.
   */
  static double[] logLikelihoodPerSlope(double[] p, int outcome) {
    double[] logP = new double[p.length];
    for (int k = 0; k < p.length; k++) {
      logP[k] = Math.log(p[k]);
    }
    double[] result = new double[SIZE];
    double[] scaled = new double[p.length];
    for (int g = 0; g < SIZE; g++) {
      double a = slope(g);
      double max = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < p.length; k++) {
        scaled[k] = a * logP[k];
        max = Math.max(max, scaled[k]);
      }
      double sum = 0;
      for (double s : scaled) {
        sum += Math.exp(s - max);
      }
      result[g] = scaled[outcome] - max - Math.log(sum);
    }
    return result;
  }

  /**
   * Posterior over the grid for an agent: tier prior, plus the domain population's evidence scaled
   * to {@code populationStrength} observations, plus the agent's own evidence.
   */
  static double[] posterior(
      ReliabilityPrior prior,
      double[] ownLogLikelihood,
      double[] populationLogLikelihood,
      long populationClaims,
      double populationStrength) {
    double populationScale =
        populationClaims > 0 ? Math.min(1.0, populationStrength / populationClaims) : 0;
    double[] logPosterior = new double[SIZE];
    for (int g = 0; g < SIZE; g++) {
      logPosterior[g] =
          prior.slopeLogPrior(slope(g))
              + populationScale * populationLogLikelihood[g]
              + ownLogLikelihood[g];
    }
    return ProbabilityVectors.softmax(logPosterior);
  }

  static double mean(double[] posterior) {
    double mean = 0;
    for (int g = 0; g < SIZE; g++) {
      mean += posterior[g] * slope(g);
    }
    return mean;
  }

  static double standardDeviation(double[] posterior) {
    double mean = mean(posterior);
    double variance = 0;
    for (int g = 0; g < SIZE; g++) {
      double d = slope(g) - mean;
      variance += posterior[g] * d * d;
    }
    return Math.sqrt(variance);
  }
}
