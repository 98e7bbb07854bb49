package io.beliefnet.model.eval;

import io.beliefnet.model.ProbabilityVectors;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A reference ceiling, not a competitor: the Dawid–Skene posterior of each question with every
 * worker's confusion matrix and the class prior counted from the true outcomes of all the other
 * questions (add-one smoothing). It shows what the Dawid–Skene model class makes of a question when
 * every label but the question's own is known, so a method that learns from some outcomes can be
 * judged against the most that outcomes give that class.
 */
public final class DawidSkeneOracle {
  private static final double ADD_ONE = 1;

  private DawidSkeneOracle() {}

  /** Posterior per answered question; a question with no known truth has nothing to leave out. */
  public static Map<String, double[]> predict(LabelDataset data) {
    int outcomes = data.outcomeCount();
    Map<String, double[][]> confusion = new HashMap<>();
    Map<String, double[]> ownLabels = new HashMap<>();
    for (LabelDataset.Answer answer : data.answers()) {
      Integer truth = data.truth().get(answer.question());
      if (truth != null) {
        confusion
            .computeIfAbsent(answer.worker(), w -> new double[outcomes][outcomes])[truth][
            answer.label()]++;
        ownLabels.computeIfAbsent(key(answer), k -> new double[outcomes])[answer.label()]++;
      }
    }
    double[] classCounts = new double[outcomes];
    for (String question : data.answeredQuestions()) {
      Integer truth = data.truth().get(question);
      if (truth != null) {
        classCounts[truth]++;
      }
    }
    Map<String, double[]> log = new LinkedHashMap<>();
    for (String question : data.answeredQuestions()) {
      double[] prior = classCounts.clone();
      Integer truth = data.truth().get(question);
      if (truth != null) {
        prior[truth]--;
      }
      log.put(question, BatchDawidSkene.logNormalised(prior, ADD_ONE));
    }
    double[][] noOutcomesKnown = new double[outcomes][outcomes];
    for (LabelDataset.Answer answer : data.answers()) {
      double[][] rows = confusion.getOrDefault(answer.worker(), noOutcomesKnown);
      Integer truth = data.truth().get(answer.question());
      double[] sum = log.get(answer.question());
      for (int k = 0; k < outcomes; k++) {
        double[] row = rows[k].clone();
        if (truth != null && truth == k) {
          double[] own = ownLabels.get(key(answer));
          for (int l = 0; l < outcomes; l++) {
            row[l] -= own[l];
          }
        }
        sum[k] += BatchDawidSkene.logNormalised(row, ADD_ONE)[answer.label()];
      }
    }
    Map<String, double[]> result = new LinkedHashMap<>();
    log.forEach(
        (question, logPosterior) -> result.put(question, ProbabilityVectors.softmax(logPosterior)));
    return result;
  }

  /** The worker's answers to one question, which its own posterior must not learn from. */
  private static String key(LabelDataset.Answer answer) {
    return answer.question() + '\u0000' + answer.worker();
  }
}
