package io.beliefnet.model;

import java.util.Arrays;

/**
 * Everything learned about one agent in one domain: a mutable POJO (public no-arg constructor,
 * getters and setters) so that streaming state keyed by agent and domain can hold it.
 *
 * <ul>
 *   <li>{@code supervisedCounts}: M x M confusion counts from outcomes, row = truth, column =
 *       claimed label (M = largest K seen in the domain, row-major);
 *   <li>{@code consensusCounts}: the same from the consensus (expected counts of online EM); each
 *       open claim's share is replaced, never added twice, when its proposition's posterior
 *       changes;
 *   <li>{@code calibrationLogLikelihood}: for each slope of {@link CalibrationGrid}, the log
 *       likelihood of the resolved outcomes of this agent's probability claims under that
 *       recalibration;
 *   <li>{@code independenceLogLikelihood}: for each weight of {@link IndependenceGrid}, the log
 *       likelihood of the resolved outcomes of this agent's claims at that weight;
 *   <li>the reputation ledger.
 * </ul>
 *
 * <p>Bytes kept: {@link #serializedBytes(int)} = 4 (M) + 2 x 8 M² (counts) + 8 G (calibration, G =
 * {@value CalibrationGrid#SIZE}) + 8 I (independence, I = {@value IndependenceGrid#SIZE}) + 2 x 8
 * (claim counters) + {@link ReputationLedger#BYTES}; 412 bytes for binary propositions, 604 for K =
 * 4, independent of how many claims the agent made.
 */
public final class AgentDomainState {
  private int matrixSize;
  private double[] supervisedCounts = new double[0];
  private double[] consensusCounts = new double[0];
  private double[] calibrationLogLikelihood = new double[CalibrationGrid.SIZE];
  private double[] independenceLogLikelihood = new double[IndependenceGrid.SIZE];
  private long supervisedClaims;
  private long calibrationClaims;
  private ReputationLedger ledger = new ReputationLedger();
  // the last posterior mean of independence asked for, and its prior: every belief that counts the
  // agent's claims reads it, and it changes only when one of them resolves (not state: transient)
  private transient double independencePriorLogOdds = Double.NaN;
  private transient double independence;

  public AgentDomainState() {}

  /** Serialized size of the state for a largest proposition size of {@code matrixSize} outcomes. */
  public static int serializedBytes(int matrixSize) {
    return Integer.BYTES
        + 2 * Double.BYTES * matrixSize * matrixSize
        + Double.BYTES * CalibrationGrid.SIZE
        + Double.BYTES * IndependenceGrid.SIZE
        + 2 * Long.BYTES
        + ReputationLedger.BYTES;
  }

  /** Grows the confusion matrices so that propositions with {@code outcomeCount} outcomes fit. */
  void ensureOutcomes(int outcomeCount) {
    if (outcomeCount <= matrixSize) {
      return;
    }
    supervisedCounts = grown(supervisedCounts, matrixSize, outcomeCount);
    consensusCounts = grown(consensusCounts, matrixSize, outcomeCount);
    matrixSize = outcomeCount;
  }

  private static double[] grown(double[] counts, int oldSize, int newSize) {
    double[] result = new double[newSize * newSize];
    for (int row = 0; row < oldSize; row++) {
      System.arraycopy(counts, row * oldSize, result, row * newSize, oldSize);
    }
    return result;
  }

  /** Adds what {@code delta}, a state built from zero by the same methods, has learned. */
  void add(AgentDomainState delta) {
    ensureOutcomes(delta.matrixSize);
    for (int truth = 0; truth < delta.matrixSize; truth++) {
      for (int claimed = 0; claimed < delta.matrixSize; claimed++) {
        supervisedCounts[truth * matrixSize + claimed] += delta.supervised(truth, claimed);
        consensusCounts[truth * matrixSize + claimed] += delta.consensus(truth, claimed);
      }
    }
    for (int g = 0; g < calibrationLogLikelihood.length; g++) {
      calibrationLogLikelihood[g] += delta.calibrationLogLikelihood[g];
    }
    for (int j = 0; j < independenceLogLikelihood.length; j++) {
      independenceLogLikelihood[j] += delta.independenceLogLikelihood[j];
    }
    independencePriorLogOdds = Double.NaN;
    supervisedClaims += delta.supervisedClaims;
    calibrationClaims += delta.calibrationClaims;
    ledger.add(delta.ledger);
  }

  /** True for a delta that scored (or unscored) a claim against an outcome. */
  public boolean learnedFromOutcomes() {
    return ledger.getSettledClaims() != 0;
  }

  double supervised(int truth, int claimed) {
    return truth < matrixSize && claimed < matrixSize
        ? supervisedCounts[truth * matrixSize + claimed]
        : 0;
  }

  double consensus(int truth, int claimed) {
    return truth < matrixSize && claimed < matrixSize
        ? consensusCounts[truth * matrixSize + claimed]
        : 0;
  }

  void addSupervised(int truth, int claimed, double amount) {
    supervisedCounts[truth * matrixSize + claimed] += amount;
    supervisedClaims += (long) Math.signum(amount);
  }

  /** Adds {@code amount[k]} to the consensus count of (truth k, claimed label). */
  void addConsensus(int claimed, double[] amount, int sign) {
    for (int k = 0; k < amount.length; k++) {
      consensusCounts[k * matrixSize + claimed] += sign * amount[k];
    }
  }

  void addCalibration(double[] logLikelihoodPerSlope, int sign) {
    for (int g = 0; g < calibrationLogLikelihood.length; g++) {
      calibrationLogLikelihood[g] += sign * logLikelihoodPerSlope[g];
    }
    calibrationClaims += sign;
  }

  void addIndependence(double[] logLikelihoodPerWeight, int sign) {
    for (int j = 0; j < independenceLogLikelihood.length; j++) {
      independenceLogLikelihood[j] += sign * logLikelihoodPerWeight[j];
    }
    independencePriorLogOdds = Double.NaN;
  }

  /** The posterior mean of the agent's {@link IndependenceGrid} weight under the given prior. */
  double independence(double priorLogOdds) {
    if (priorLogOdds != independencePriorLogOdds) {
      independence = IndependenceGrid.posteriorMean(priorLogOdds, independenceLogLikelihood);
      independencePriorLogOdds = priorLogOdds;
    }
    return independence;
  }

  /** Total expected count the consensus has credited (a sample size for unsupervised evidence). */
  double consensusMass() {
    double sum = 0;
    for (double c : consensusCounts) {
      sum += c;
    }
    return sum;
  }

  public int getMatrixSize() {
    return matrixSize;
  }

  public void setMatrixSize(int matrixSize) {
    this.matrixSize = matrixSize;
  }

  public double[] getSupervisedCounts() {
    return supervisedCounts;
  }

  public void setSupervisedCounts(double[] supervisedCounts) {
    this.supervisedCounts = supervisedCounts;
  }

  public double[] getConsensusCounts() {
    return consensusCounts;
  }

  public void setConsensusCounts(double[] consensusCounts) {
    this.consensusCounts = consensusCounts;
  }

  public double[] getCalibrationLogLikelihood() {
    return calibrationLogLikelihood;
  }

  public void setCalibrationLogLikelihood(double[] calibrationLogLikelihood) {
    this.calibrationLogLikelihood = calibrationLogLikelihood;
  }

  public double[] getIndependenceLogLikelihood() {
    return independenceLogLikelihood;
  }

  public void setIndependenceLogLikelihood(double[] independenceLogLikelihood) {
    this.independenceLogLikelihood = independenceLogLikelihood;
    independencePriorLogOdds = Double.NaN;
  }

  public long getSupervisedClaims() {
    return supervisedClaims;
  }

  public void setSupervisedClaims(long supervisedClaims) {
    this.supervisedClaims = supervisedClaims;
  }

  public long getCalibrationClaims() {
    return calibrationClaims;
  }

  public void setCalibrationClaims(long calibrationClaims) {
    this.calibrationClaims = calibrationClaims;
  }

  public ReputationLedger getLedger() {
    return ledger;
  }

  public void setLedger(ReputationLedger ledger) {
    this.ledger = ledger;
  }

  @Override
  public String toString() {
    return "AgentDomainState{M="
        + matrixSize
        + ", supervised="
        + Arrays.toString(supervisedCounts)
        + ", consensus="
        + Arrays.toString(consensusCounts)
        + "}";
  }
}
