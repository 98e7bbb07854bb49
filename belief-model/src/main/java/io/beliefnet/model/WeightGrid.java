package io.beliefnet.model;

/**
 * A weight a domain gives its base rate, learned from resolved outcomes as a posterior over a small
 * grid: each weight scored by how well the belief it gives would have predicted the outcome, with a
 * normal prior of standard deviation 1 around the weight taken until outcomes show otherwise. With
 * no outcome known the base rate is uniform and no weight changes a belief.
 *
 * <ul>
 *   <li>{@link #BASE_RATE_WEIGHT}, b: how far forecasters neglect the base rate. A probability
 *       claim p is read as evidence whose single-claim belief is q ∝ p^a · π^b (a the forecaster's
 *       calibration slope, π the base rate). b = 0 takes a forecast as a posterior that already
 *       holds the base rate; b = 1 as a likelihood that holds none of it, the base-rate neglect
 *       forecasters commonly show. Prior around 0.
 *   <li>{@link #LABEL_PRIOR_WEIGHT}, c: how much of the base rate a belief made of hard labels
 *       starts from, π^c. c = 1 is Bayes' rule with confusion matrices that hold nothing of the
 *       base rate. They are learned partly from the consensus, which is no sample of the outcomes,
 *       so a domain learns how much prior its labellers' evidence leaves room for. Prior around 1.
 * </ul>
 */
record WeightGrid(double lowest, double step, int size, double priorMean) {

  static final WeightGrid BASE_RATE_WEIGHT = new WeightGrid(-0.5, 0.25, 13, 0);
  static final WeightGrid LABEL_PRIOR_WEIGHT = new WeightGrid(0, 0.125, 17, 1);

  double weight(int index) {
    return lowest + step * index;
  }

  /** Posterior mean of the weight given the log likelihood of each weight on the grid. */
  double posteriorMean(double[] logLikelihood) {
    double[] logPosterior = new double[size];
    for (int j = 0; j < size; j++) {
      double offset = weight(j) - priorMean;
      logPosterior[j] = -0.5 * offset * offset + logLikelihood[j];
    }
    double[] posterior = ProbabilityVectors.softmax(logPosterior);
    double mean = 0;
    for (int j = 0; j < size; j++) {
      mean += posterior[j] * weight(j);
    }
    return mean;
  }

  /** Sums per weight, each zero: what a domain has learned before any outcome. */
  double[] none() {
    return new double[size];
  }
}
