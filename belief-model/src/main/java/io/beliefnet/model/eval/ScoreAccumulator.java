package io.beliefnet.model.eval;

import io.beliefnet.model.ProbabilityVectors;

/**
 * Accumulates accuracy, Brier, log loss and calibration of predicted distributions against truth.
 */
public final class ScoreAccumulator {
  /** Probabilities below this count as this in the log loss, so one confident miss stays finite. */
  public static final double LOG_FLOOR = 1e-6;

  private static final int CALIBRATION_BINS = 10;

  private final String method;
  private int scored;
  private int correct;
  private double brier;
  private double logLoss;
  private final int[] binCount = new int[CALIBRATION_BINS];
  private final double[] binConfidence = new double[CALIBRATION_BINS];
  private final double[] binCorrect = new double[CALIBRATION_BINS];

  public ScoreAccumulator(String method) {
    this.method = method;
  }

  /** Scores one prediction of a proposition whose true outcome is {@code truth}. */
  public void add(double[] distribution, int truth) {
    int predicted = ProbabilityVectors.argmax(distribution);
    boolean right = predicted == truth;
    scored++;
    correct += right ? 1 : 0;
    for (int k = 0; k < distribution.length; k++) {
      double error = distribution[k] - (k == truth ? 1 : 0);
      brier += 0.5 * error * error;
    }
    logLoss -= Math.log(Math.max(LOG_FLOOR, distribution[truth]));
    double confidence = distribution[predicted];
    int bin = Math.min(CALIBRATION_BINS - 1, (int) (confidence * CALIBRATION_BINS));
    binCount[bin]++;
    binConfidence[bin] += confidence;
    binCorrect[bin] += right ? 1 : 0;
  }

  public MethodResult result() {
    if (scored == 0) {
      return new MethodResult(method, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
    }
    double ece = 0;
    for (int b = 0; b < CALIBRATION_BINS; b++) {
      if (binCount[b] > 0) {
        ece += Math.abs(binCorrect[b] - binConfidence[b]) / scored;
      }
    }
    return new MethodResult(
        method, correct / (double) scored, brier / scored, logLoss / scored, ece, scored);
  }
}
