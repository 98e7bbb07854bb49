package io.beliefnet.model;

/**
 * What a proposition needs to know about a claimant to weigh its claim: the agent's reliability in
 * the domain as learned when the stamp was made. The agent's side makes stamps; the proposition's
 * side only reads them, so a belief is a function of its own state and the domain's base rate.
 *
 * @param labelLogLikelihood for a hard label, its log likelihood under each outcome (the column of
 *     the agent's confusion matrix, capped at the label's own entry); null for a distribution
 * @param calibrationSlope for a distribution, the posterior-mean recalibration slope; 1 otherwise
 * @param independence the posterior-mean share of the agent's evidence that is its own
 */
public record ClaimantStamp(
    double[] labelLogLikelihood, double calibrationSlope, double independence) {

  /**
   * True when a belief computed with this stamp instead of {@code sent} could differ by more than
   * {@code tolerance} in any log likelihood ratio or weight: worth sending to the proposition.
   */
  boolean movedFrom(ClaimantStamp sent, double tolerance) {
    if (Math.abs(independence - sent.independence) > tolerance
        || Math.abs(calibrationSlope - sent.calibrationSlope) > tolerance) {
      return true;
    }
    if (labelLogLikelihood == null) {
      return false;
    }
    for (int k = 0; k < labelLogLikelihood.length; k++) {
      if (Math.abs(labelLogLikelihood[k] - sent.labelLogLikelihood[k]) > tolerance) {
        return true;
      }
    }
    return false;
  }
}
