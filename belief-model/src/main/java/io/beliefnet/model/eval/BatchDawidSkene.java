package io.beliefnet.model.eval;

import io.beliefnet.model.ProbabilityVectors;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Baseline: Dawid and Skene's EM over the whole data set at once (1979): per worker a full
 * confusion matrix, plus class priors; started from majority vote, {@value #ITERATIONS} iterations,
 * every count smoothed by {@value #SMOOTHING}. Optionally some questions' truth is known and
 * clamped.
 */
public final class BatchDawidSkene {
  static final int ITERATIONS = 50;
  static final double SMOOTHING = 0.01;

  private BatchDawidSkene() {}

  /** Posterior per answered question with no truth known. */
  public static Map<String, double[]> predict(LabelDataset data) {
    return predict(data, Map.of());
  }

  /** Posterior per answered question, with {@code known} questions' truth clamped. */
  public static Map<String, double[]> predict(LabelDataset data, Map<String, Integer> known) {
    int outcomes = data.outcomeCount();
    List<String> questions = data.answeredQuestions();
    Map<String, Integer> questionIndex = new HashMap<>();
    for (int i = 0; i < questions.size(); i++) {
      questionIndex.put(questions.get(i), i);
    }
    Map<String, Integer> workerIndex = new LinkedHashMap<>();
    int[][] answers = new int[data.answers().size()][];
    for (int a = 0; a < answers.length; a++) {
      LabelDataset.Answer answer = data.answers().get(a);
      int worker = workerIndex.computeIfAbsent(answer.worker(), w -> workerIndex.size());
      answers[a] = new int[] {questionIndex.get(answer.question()), worker, answer.label()};
    }
    Map<String, double[]> votes = MajorityVote.predict(data);
    double[][] posterior = new double[questions.size()][];
    for (int i = 0; i < questions.size(); i++) {
      posterior[i] =
          clampedOrElse(known.get(questions.get(i)), votes.get(questions.get(i)), outcomes);
    }
    for (int iteration = 0; iteration < ITERATIONS; iteration++) {
      double[] prior = new double[outcomes];
      double[][][] confusion = new double[workerIndex.size()][outcomes][outcomes];
      for (double[] p : posterior) {
        for (int k = 0; k < outcomes; k++) {
          prior[k] += p[k];
        }
      }
      for (int[] answer : answers) {
        for (int k = 0; k < outcomes; k++) {
          confusion[answer[1]][k][answer[2]] += posterior[answer[0]][k];
        }
      }
      double[] logPrior = logNormalised(prior, SMOOTHING);
      double[][][] logConfusion = new double[confusion.length][outcomes][];
      for (int w = 0; w < confusion.length; w++) {
        for (int k = 0; k < outcomes; k++) {
          logConfusion[w][k] = logNormalised(confusion[w][k], SMOOTHING);
        }
      }
      double[][] log = new double[questions.size()][];
      for (int i = 0; i < log.length; i++) {
        log[i] = logPrior.clone();
      }
      for (int[] answer : answers) {
        for (int k = 0; k < outcomes; k++) {
          log[answer[0]][k] += logConfusion[answer[1]][k][answer[2]];
        }
      }
      for (int i = 0; i < log.length; i++) {
        posterior[i] =
            clampedOrElse(
                known.get(questions.get(i)), ProbabilityVectors.softmax(log[i]), outcomes);
      }
    }
    Map<String, double[]> result = new LinkedHashMap<>();
    for (int i = 0; i < questions.size(); i++) {
      result.put(questions.get(i), posterior[i]);
    }
    return result;
  }

  private static double[] clampedOrElse(Integer truth, double[] otherwise, int outcomes) {
    if (truth == null) {
      return otherwise;
    }
    double[] oneHot = new double[outcomes];
    oneHot[truth] = 1;
    return oneHot;
  }

  /** Log of {@code counts}, each plus {@code smoothing}, normalised. */
  static double[] logNormalised(double[] counts, double smoothing) {
    double total = 0;
    for (double c : counts) {
      total += c + smoothing;
    }
    double[] log = new double[counts.length];
    for (int k = 0; k < counts.length; k++) {
      log[k] = Math.log((counts[k] + smoothing) / total);
    }
    return log;
  }
}
