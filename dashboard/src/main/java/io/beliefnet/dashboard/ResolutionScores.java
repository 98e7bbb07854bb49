package io.beliefnet.dashboard;

import io.beliefnet.model.eval.MethodResult;
import io.beliefnet.model.eval.ScoreAccumulator;

/**
 * Running accuracy and Brier score, over the resolved propositions seen so far, of the network's
 * last belief before each resolution and of majority vote over the same propositions' claims.
 * Scored as the evaluation harness scores them ({@link ScoreAccumulator}), so the numbers compare
 * with {@code bin/belief eval}.
 */
final class ResolutionScores {

  /** One method's running score; accuracy and Brier are null until something is scored. */
  record Score(Double accuracy, Double brier, int scored) {

    static Score of(MethodResult result) {
      return result.scored() == 0
          ? new Score(null, null, 0)
          : new Score(result.accuracy(), result.brier(), result.scored());
    }
  }

  /** The page's view: the network's beliefs next to majority vote. */
  record Scores(Score beliefs, Score majorityVote) {}

  /**
   * What to score for one resolved proposition.
   *
   * @param belief the network's last distribution before the outcome
   * @param majority vote shares of the claimants
   * @param truth index of the outcome it resolved to
   */
  record Resolution(double[] belief, double[] majority, int truth) {}

  private final ScoreAccumulator beliefs = new ScoreAccumulator("beliefs");
  private final ScoreAccumulator majorityVote = new ScoreAccumulator("majority vote");

  void add(Resolution resolution) {
    beliefs.add(resolution.belief(), resolution.truth());
    majorityVote.add(resolution.majority(), resolution.truth());
  }

  Scores view() {
    return new Scores(Score.of(beliefs.result()), Score.of(majorityVote.result()));
  }
}
