package io.beliefnet.model;

/**
 * How much of an agent's modelled evidence is its own, as a posterior over a grid of independence
 * weights w in [0, 1]: w = 1 counts its claims as modelled, w = 0 as an echo of what was already
 * believed (a copier's). At resolution each claim is scored, for every w, by the probability that
 * the belief just before it plus the claim at weight w gives the outcome; an agent's sums of those
 * log probabilities over its resolved claims are the likelihood.
 *
 * <p>A grid rather than only the two end points: a crowd worker whose errors are shared with others
 * is neither an echo nor fully independent, and with only w = 0 and w = 1 to choose from, a few
 * confidently wrong beliefs swing its weight from near 1 to near 0. Like the other grids, the state
 * is a constant {@value #SIZE} doubles per agent and domain, updated exactly and taken back exactly
 * on a correction.
 */
final class IndependenceGrid {
  static final int SIZE = 11;

  private IndependenceGrid() {}

  static double weight(int index) {
    return index / (double) (SIZE - 1);
  }

  /**
   * For each w on the grid, log P(outcome) from the log posterior {@code logitsBefore} plus the
   * claim's {@code logLikelihood} at weight w · {@code discount} (its other weight discounts).
   */
  static double[] logLikelihoodPerWeight(
      double[] logitsBefore, double[] logLikelihood, double discount, int outcome) {
    double[] result = new double[SIZE];
    double[] logits = new double[logitsBefore.length];
    for (int j = 0; j < SIZE; j++) {
      for (int k = 0; k < logits.length; k++) {
        logits[k] = logitsBefore[k] + weight(j) * discount * logLikelihood[k];
      }
      result[j] = Math.log(ProbabilityVectors.softmax(logits)[outcome]);
    }
    return result;
  }

  /**
   * Posterior mean of w. The prior tilts towards independence: log p(w) = {@code priorLogOdds} · w
   * + const, so its odds of w = 1 against w = 0 are e^priorLogOdds.
   */
  static double posteriorMean(double priorLogOdds, double[] logLikelihood) {
    double[] logPosterior = new double[SIZE];
    for (int j = 0; j < SIZE; j++) {
      logPosterior[j] = priorLogOdds * weight(j) + logLikelihood[j];
    }
    return ProbabilityVectors.unitGridMean(logPosterior);
  }
}
