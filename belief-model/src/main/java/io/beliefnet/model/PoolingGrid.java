package io.beliefnet.model;

/**
 * The pooling exponent beta of probability claims on one proposition, as a posterior over a small
 * grid: claims whose total weight is n > 1 are scaled by n^(-beta), so beta = 0 treats forecasters
 * as independent (their log-odds add up) and beta = 1 averages them. Forecasters of the same
 * question read the same news, so how independent they are is learned per domain from resolved
 * outcomes.
 */
final class PoolingGrid {
  static final int SIZE = 5;

  private PoolingGrid() {}

  static double exponent(int index) {
    return index / (double) (SIZE - 1);
  }

  static double posteriorMean(double[] logLikelihood) {
    return ProbabilityVectors.unitGridMean(logLikelihood);
  }
}
