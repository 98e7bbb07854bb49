package io.beliefnet.model.eval;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Baseline: each question's distribution is the share of votes per label (argmax ties to lowest).
 */
public final class MajorityVote {
  private MajorityVote() {}

  /** Vote shares per answered question. */
  public static Map<String, double[]> predict(LabelDataset data) {
    Map<String, double[]> votes = new LinkedHashMap<>();
    for (LabelDataset.Answer answer : data.answers()) {
      votes
          .computeIfAbsent(answer.question(), q -> new double[data.outcomeCount()])[
          answer.label()]++;
    }
    for (double[] counts : votes.values()) {
      double total = 0;
      for (double c : counts) {
        total += c;
      }
      for (int k = 0; k < counts.length; k++) {
        counts[k] /= total;
      }
    }
    return votes;
  }
}
