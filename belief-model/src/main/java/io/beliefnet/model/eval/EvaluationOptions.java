package io.beliefnet.model.eval;

/**
 * How to replay a labelled data set.
 *
 * @param reveal fraction of propositions whose outcome is streamed right after their last claim;
 *     those are not scored, the rest are hidden and scored at the end. Forecast data ignores it:
 *     every outcome is streamed at its resolution time and each question scored just before.
 * @param seed chooses the revealed propositions and, if {@code shuffle}, the claim order
 * @param shuffle replay claims in a seeded random order instead of the file's order
 */
public record EvaluationOptions(double reveal, long seed, boolean shuffle) {

  public EvaluationOptions {
    if (!(reveal >= 0 && reveal <= 1)) {
      throw new IllegalArgumentException("reveal fraction is " + reveal + ": must be in [0, 1]");
    }
  }

  public static EvaluationOptions of(double reveal, long seed) {
    return new EvaluationOptions(reveal, seed, false);
  }
}
