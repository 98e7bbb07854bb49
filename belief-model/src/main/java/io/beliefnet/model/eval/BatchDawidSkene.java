package io.beliefnet.model.eval;

import io.beliefnet.model.ProbabilityVectors;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Baseline: Dawid and Skene's EM over the whole data set at once (1979): per worker a full
 * confusion matrix, plus class priors; started from majority vote, {@value #ITERATIONS} iterations,
 * every count smoothed by {@value #SMOOTHING}. Optionally some questions' truth is known and
 * clamped. The one-coin variant gives each worker a single accuracy instead of a matrix (right with
 * that probability, else any other label alike), which needs far fewer answers per worker. The MACE
 * variant gives each worker MACE's model (Hovy et al., 2013): with probability θ it knows the
 * answer and gives it, otherwise it answers from a distribution of its own, whatever the truth,
 * which catches spammers that favour one label.
 */
public final class BatchDawidSkene {

  /** What is learned about each worker. */
  public enum WorkerModel {
    /** A K x K confusion matrix. */
    CONFUSION_MATRIX,
    /** One accuracy; errors spread evenly over the other labels. */
    ONE_COIN,
    /**
     * A competence θ and a spamming distribution ξ: P(answer l | truth k) = θ[k = l] + (1 − θ)ξ_l.
     */
    MACE
  }

  /** EM steps fitting one worker's θ and ξ to its expected counts, in each outer iteration. */
  static final int MACE_STEPS = 20;

  static final int ITERATIONS = 50;
  static final double SMOOTHING = 0.01;

  private BatchDawidSkene() {}

  /** Posterior per answered question with no truth known. */
  public static Map<String, double[]> predict(LabelDataset data) {
    return predict(data, Map.of());
  }

  /** Posterior per answered question, with {@code known} questions' truth clamped. */
  public static Map<String, double[]> predict(LabelDataset data, Map<String, Integer> known) {
    return predict(data, known, WorkerModel.CONFUSION_MATRIX);
  }

  /** As above, learning each worker as {@code model} says. */
  public static Map<String, double[]> predict(
      LabelDataset data, Map<String, Integer> known, WorkerModel model) {
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
      double[][][] logConfusion = new double[confusion.length][][];
      for (int w = 0; w < confusion.length; w++) {
        logConfusion[w] =
            switch (model) {
              case CONFUSION_MATRIX -> logConfusionMatrix(confusion[w]);
              case ONE_COIN -> logOneCoin(confusion[w]);
              case MACE -> logMace(confusion[w]);
            };
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

  private static double[][] logConfusionMatrix(double[][] counts) {
    double[][] log = new double[counts.length][];
    for (int k = 0; k < counts.length; k++) {
      log[k] = logNormalised(counts[k], SMOOTHING);
    }
    return log;
  }

  /**
   * The confusion matrix of one accuracy, the smoothed share of expected counts on the diagonal.
   */
  private static double[][] logOneCoin(double[][] counts) {
    int outcomes = counts.length;
    double right = 0;
    double total = 0;
    for (int k = 0; k < outcomes; k++) {
      for (int l = 0; l < outcomes; l++) {
        total += counts[k][l];
        right += k == l ? counts[k][l] : 0;
      }
    }
    double accuracy = (right + SMOOTHING) / (total + 2 * SMOOTHING);
    double[][] log = new double[outcomes][outcomes];
    for (int k = 0; k < outcomes; k++) {
      for (int l = 0; l < outcomes; l++) {
        log[k][l] = Math.log(k == l ? accuracy : (1 - accuracy) / (outcomes - 1));
      }
    }
    return log;
  }

  /**
   * MACE's confusion matrix fitted to one worker's expected counts by EM over whether each answer
   * was known or spammed, from θ = 1/2 and a uniform ξ.
   */
  private static double[][] logMace(double[][] counts) {
    int outcomes = counts.length;
    double competence = 0.5;
    double[] spam = new double[outcomes];
    Arrays.fill(spam, 1.0 / outcomes);
    for (int step = 0; step < MACE_STEPS; step++) {
      double known = 0;
      double total = 0;
      double[] spammed = new double[outcomes];
      for (int k = 0; k < outcomes; k++) {
        for (int l = 0; l < outcomes; l++) {
          double fromSpam = (1 - competence) * spam[l];
          double knownShare = k == l ? competence / (competence + fromSpam) : 0;
          known += counts[k][l] * knownShare;
          spammed[l] += counts[k][l] * (1 - knownShare);
          total += counts[k][l];
        }
      }
      competence = (known + SMOOTHING) / (total + 2 * SMOOTHING);
      double spammedTotal = Arrays.stream(spammed).sum() + outcomes * SMOOTHING;
      for (int l = 0; l < outcomes; l++) {
        spam[l] = (spammed[l] + SMOOTHING) / spammedTotal;
      }
    }
    double[][] log = new double[outcomes][outcomes];
    for (int k = 0; k < outcomes; k++) {
      for (int l = 0; l < outcomes; l++) {
        log[k][l] = Math.log((k == l ? competence : 0) + (1 - competence) * spam[l]);
      }
    }
    return log;
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
