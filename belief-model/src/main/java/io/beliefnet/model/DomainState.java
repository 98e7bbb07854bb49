package io.beliefnet.model;

import java.util.Arrays;

/**
 * What is learned about a domain as a whole, a mutable POJO for state keyed by domain:
 *
 * <ul>
 *   <li>the base rate of each outcome (Dirichlet counts from outcomes), the prior of every belief
 *       in the domain;
 *   <li>the population's calibration (summed over all agents), which new agents start from;
 *   <li>the pooling exponent of probability claims: forecasters of one question share information,
 *       so n of them count as n^(1 - beta) independent ones, beta learned from resolved outcomes;
 *   <li>the weight its forecasters leave to the base rate, and the weight of the base rate in a
 *       belief made of hard labels ({@link WeightGrid}), learned from resolved outcomes.
 * </ul>
 */
public final class DomainState {
  private double[] supervisedOutcomes = new double[0];
  private double[] populationCalibrationLogLikelihood = new double[CalibrationGrid.SIZE];
  private long populationCalibrationClaims;
  private double[] poolingLogLikelihood = new double[PoolingGrid.SIZE];
  private double[] baseRateWeightLogLikelihood = WeightGrid.BASE_RATE_WEIGHT.none();
  private double[] labelPriorWeightLogLikelihood = WeightGrid.LABEL_PRIOR_WEIGHT.none();
  // the posterior means of the two weights, which every belief of the domain reads and only a
  // resolution moves (not state: transient)
  private transient double baseRateWeight = Double.NaN;
  private transient double labelPriorWeight = Double.NaN;

  public DomainState() {}

  void ensureOutcomes(int outcomeCount) {
    if (outcomeCount > supervisedOutcomes.length) {
      supervisedOutcomes = Arrays.copyOf(supervisedOutcomes, outcomeCount);
    }
  }

  /** Adds what {@code delta}, a state built from zero by the same methods, has learned. */
  public void add(DomainState delta) {
    ensureOutcomes(delta.supervisedOutcomes.length);
    for (int k = 0; k < delta.supervisedOutcomes.length; k++) {
      supervisedOutcomes[k] += delta.supervisedOutcomes[k];
    }
    for (int g = 0; g < populationCalibrationLogLikelihood.length; g++) {
      populationCalibrationLogLikelihood[g] += delta.populationCalibrationLogLikelihood[g];
    }
    populationCalibrationClaims += delta.populationCalibrationClaims;
    for (int j = 0; j < poolingLogLikelihood.length; j++) {
      poolingLogLikelihood[j] += delta.poolingLogLikelihood[j];
    }
    addBaseRateWeight(delta.getBaseRateWeightLogLikelihood(), 1);
    addLabelPriorWeight(delta.getLabelPriorWeightLogLikelihood(), 1);
  }

  /** True for a delta that has learned nothing. */
  public boolean isEmpty() {
    return populationCalibrationClaims == 0
        && allZero(supervisedOutcomes)
        && allZero(populationCalibrationLogLikelihood)
        && allZero(poolingLogLikelihood)
        && allZero(baseRateWeightLogLikelihood())
        && allZero(labelPriorWeightLogLikelihood());
  }

  private static boolean allZero(double[] values) {
    for (double v : values) {
      if (v != 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Log base rate of each of the first {@code outcomeCount} outcomes: posterior mean of a
   * Dirichlet(1, ..., 1) given the outcome counts. Only outcomes count: a base rate learned from
   * the consensus would feed the claims' majority back as the prior of the next beliefs, a loop
   * that drives beliefs towards the commonest answer where each question has few answers (adult2, 4
   * outcomes, no outcomes known: 0.709 with it, 0.775 without; majority vote 0.760).
   *
   * <p>A count below zero counts as zero: a correction scores against the domain's state without
   * what its first outcome credited, and in the job that credit may not have come back through the
   * feedback topic yet, so taking it back leaves -1 for a moment (a zero base rate would make the
   * belief and every score of the correction not finite).
   */
  double[] logBaseRate(int outcomeCount) {
    double[] counts = new double[outcomeCount];
    double total = 0;
    for (int k = 0; k < outcomeCount; k++) {
      counts[k] = 1;
      if (k < supervisedOutcomes.length) {
        counts[k] += Math.max(0, supervisedOutcomes[k]);
      }
      total += counts[k];
    }
    for (int k = 0; k < outcomeCount; k++) {
      counts[k] = Math.log(counts[k] / total);
    }
    return counts;
  }

  void addSupervisedOutcome(int outcome, int sign) {
    supervisedOutcomes[outcome] += sign;
  }

  void addPopulationCalibration(double[] logLikelihoodPerSlope, int sign) {
    for (int g = 0; g < logLikelihoodPerSlope.length; g++) {
      populationCalibrationLogLikelihood[g] += sign * logLikelihoodPerSlope[g];
    }
    populationCalibrationClaims += sign;
  }

  void addPooling(double[] logLikelihoodPerExponent, int sign) {
    for (int j = 0; j < logLikelihoodPerExponent.length; j++) {
      poolingLogLikelihood[j] += sign * logLikelihoodPerExponent[j];
    }
  }

  /** Adds a resolution's log likelihood per base-rate weight; an empty one adds nothing. */
  void addBaseRateWeight(double[] logLikelihoodPerWeight, int sign) {
    addTo(baseRateWeightLogLikelihood(), logLikelihoodPerWeight, sign);
    baseRateWeight = Double.NaN;
  }

  /** Adds a resolution's log likelihood per label-prior weight; an empty one adds nothing. */
  void addLabelPriorWeight(double[] logLikelihoodPerWeight, int sign) {
    addTo(labelPriorWeightLogLikelihood(), logLikelihoodPerWeight, sign);
    labelPriorWeight = Double.NaN;
  }

  private static void addTo(double[] sums, double[] logLikelihoodPerWeight, int sign) {
    for (int j = 0; j < logLikelihoodPerWeight.length; j++) {
      sums[j] += sign * logLikelihoodPerWeight[j];
    }
  }

  /**
   * The sums per base-rate weight; a domain restored from a savepoint taken before they were
   * learned has none, and starts from zeros.
   */
  private double[] baseRateWeightLogLikelihood() {
    baseRateWeightLogLikelihood = orNone(baseRateWeightLogLikelihood, WeightGrid.BASE_RATE_WEIGHT);
    return baseRateWeightLogLikelihood;
  }

  /** The sums per label-prior weight; as above, zeros after a restore from before them. */
  private double[] labelPriorWeightLogLikelihood() {
    labelPriorWeightLogLikelihood =
        orNone(labelPriorWeightLogLikelihood, WeightGrid.LABEL_PRIOR_WEIGHT);
    return labelPriorWeightLogLikelihood;
  }

  private static double[] orNone(double[] sums, WeightGrid grid) {
    return sums == null || sums.length != grid.size() ? grid.none() : sums;
  }

  /** Posterior mean of the weight the domain's forecasters leave to its base rate. */
  double baseRateWeight() {
    if (Double.isNaN(baseRateWeight)) {
      baseRateWeight = WeightGrid.BASE_RATE_WEIGHT.posteriorMean(baseRateWeightLogLikelihood());
    }
    return baseRateWeight;
  }

  /** Posterior mean of the weight of the base rate in a belief made of hard labels. */
  double labelPriorWeight() {
    if (Double.isNaN(labelPriorWeight)) {
      labelPriorWeight =
          WeightGrid.LABEL_PRIOR_WEIGHT.posteriorMean(labelPriorWeightLogLikelihood());
    }
    return labelPriorWeight;
  }

  /** Posterior mean of the pooling exponent (uniform prior over {@link PoolingGrid}). */
  double poolingExponent() {
    return PoolingGrid.posteriorMean(poolingLogLikelihood);
  }

  public double[] getSupervisedOutcomes() {
    return supervisedOutcomes;
  }

  public void setSupervisedOutcomes(double[] supervisedOutcomes) {
    this.supervisedOutcomes = supervisedOutcomes;
  }

  public double[] getPopulationCalibrationLogLikelihood() {
    return populationCalibrationLogLikelihood;
  }

  public void setPopulationCalibrationLogLikelihood(double[] populationCalibrationLogLikelihood) {
    this.populationCalibrationLogLikelihood = populationCalibrationLogLikelihood;
  }

  public long getPopulationCalibrationClaims() {
    return populationCalibrationClaims;
  }

  public void setPopulationCalibrationClaims(long populationCalibrationClaims) {
    this.populationCalibrationClaims = populationCalibrationClaims;
  }

  public double[] getBaseRateWeightLogLikelihood() {
    return baseRateWeightLogLikelihood();
  }

  public void setBaseRateWeightLogLikelihood(double[] baseRateWeightLogLikelihood) {
    this.baseRateWeightLogLikelihood = baseRateWeightLogLikelihood;
    baseRateWeight = Double.NaN;
  }

  public double[] getLabelPriorWeightLogLikelihood() {
    return labelPriorWeightLogLikelihood();
  }

  public void setLabelPriorWeightLogLikelihood(double[] labelPriorWeightLogLikelihood) {
    this.labelPriorWeightLogLikelihood = labelPriorWeightLogLikelihood;
    labelPriorWeight = Double.NaN;
  }

  public double[] getPoolingLogLikelihood() {
    return poolingLogLikelihood;
  }

  public void setPoolingLogLikelihood(double[] poolingLogLikelihood) {
    this.poolingLogLikelihood = poolingLogLikelihood;
  }
}
