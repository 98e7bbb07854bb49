package io.beliefnet.model.eval;

import java.util.Locale;

/**
 * How one method did on the scored propositions of one run.
 *
 * @param accuracy share of propositions whose most probable outcome (ties to the lowest) was right
 * @param brier mean over propositions of half the squared error summed over outcomes ((p − y)² if
 *     binary)
 * @param logLoss mean of −ln p(true outcome), p floored at {@link ScoreAccumulator#LOG_FLOOR}
 * @param ece expected calibration error of the top outcome's probability, 10 equal-width bins
 * @param scored number of propositions scored
 */
public record MethodResult(
    String method, double accuracy, double brier, double logLoss, double ece, int scored) {

  /** {@code method=<name> accuracy=<x> brier=<x> logloss=<x> ece=<x> scored=<n>}. */
  public String toLine() {
    return String.format(
        Locale.ROOT,
        "method=%s accuracy=%.4f brier=%.4f logloss=%.4f ece=%.4f scored=%d",
        method,
        accuracy,
        brier,
        logLoss,
        ece,
        scored);
  }
}
