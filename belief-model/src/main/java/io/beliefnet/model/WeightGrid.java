package io.beliefnet.model;

/**
 * How far forecasters of a domain neglect its base rate, as a posterior over a small grid of
 * weights b: a probability claim p is read as evidence whose single-claim belief is q ∝ p^a · π^b
 * (a the forecaster's calibration slope, π the domain's base rate). b = 0 takes a forecast as a
 * posterior that already holds the base rate; b = 1 as a likelihood that holds none of it, the
 * base-rate neglect forecasters commonly show; values in between, and beyond, are learned per
 * domain from resolved outcomes, each weight scored by how well the belief it gives would have
 * predicted the outcome. The prior is normal around b = 0 with a standard deviation of 1: forecasts
 * are taken as posteriors until outcomes show otherwise. With no outcome known the base rate is
 * uniform and b changes nothing.
 */
final class BaseRateWeightGrid {
  static final int SIZE = 13;

  private static final double LOWEST = -0.5;
  private static final double STEP = 0.25;

  private BaseRateWeightGrid() {}

  static double weight(int index) {
    return LOWEST + STEP * index;
  }

  /** Posterior mean of b given the log likelihood of each weight on the grid. */
  static double posteriorMean(double[] logLikelihood) {
    double[] logPosterior = new double[SIZE];
    for (int j = 0; j < SIZE; j++) {
      logPosterior[j] = -0.5 * weight(j) * weight(j) + logLikelihood[j];
    }
    double[] posterior = ProbabilityVectors.softmax(logPosterior);
    double mean = 0;
    for (int j = 0; j < SIZE; j++) {
      mean += posterior[j] * weight(j);
    }
    return mean;
  }
}
