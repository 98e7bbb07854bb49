package io.beliefnet.model.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A hindsight reference for pooled forecasts: each question's log-odds mean, recalibrated by a
 * logistic fit (an intercept and a slope, for questions with at most one, two, or three or more
 * forecasters apart), each question predicted by the fit to the other {@value #FOLDS} − 1 folds of
 * questions, later ones included. No streaming method can see what this is fitted on, so it says
 * what recalibrating and pooling the forecasts can reach on a data set, not a rival to beat.
 */
final class CrossValidatedRecalibration {
  static final int FOLDS = 5;

  /** The groups fitted apart, by how many forecasters a question has: none or 1, 2, 3 or more. */
  private static final int GROUPS = 3;

  /** The ridge towards (0, 1), in units of one question's weight at the logistic's steepest. */
  private static final double RIDGE = 1;

  /** One scored question: its forecasters' mean log-odds, how many they were, and its outcome. */
  record Question(double meanLogOdds, int forecasters, int outcome) {
    int group() {
      return Math.min(Math.max(forecasters, 1), GROUPS) - 1;
    }
  }

  private CrossValidatedRecalibration() {}

  /**
   * P(yes) for each of {@code questions}, in their order, from the folds drawn with {@code seed}.
   */
  static double[] predict(List<Question> questions, long seed) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < questions.size(); i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(seed));
    int[] fold = new int[questions.size()];
    for (int rank = 0; rank < order.size(); rank++) {
      fold[order.get(rank)] = rank % FOLDS;
    }
    double[] predicted = new double[questions.size()];
    for (int f = 0; f < FOLDS; f++) {
      for (int group = 0; group < GROUPS; group++) {
        List<Question> training = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
          if (fold[i] != f && questions.get(i).group() == group) {
            training.add(questions.get(i));
          }
        }
        double[] fit = fit(training);
        for (int i = 0; i < questions.size(); i++) {
          if (fold[i] == f && questions.get(i).group() == group) {
            predicted[i] = sigmoid(fit[0] + fit[1] * questions.get(i).meanLogOdds());
          }
        }
      }
    }
    return predicted;
  }

  /**
   * {intercept, slope} of the logistic regression of the outcome on the mean log-odds, with a ridge
   * of one question's weight towards taking the forecasts as they are (0, 1), which keeps it finite
   * when a sample separates perfectly or is empty; by Newton's method, each step halved until it
   * lowers the penalised loss.
   */
  static double[] fit(List<Question> sample) {
    double[] at = {0, 1};
    double loss = penalisedLoss(sample, at);
    for (int iteration = 0; iteration < 100; iteration++) {
      double g0 = RIDGE * at[0];
      double g1 = RIDGE * (at[1] - 1);
      double h00 = RIDGE;
      double h01 = 0;
      double h11 = RIDGE;
      for (Question question : sample) {
        double x = question.meanLogOdds();
        double p = sigmoid(at[0] + at[1] * x);
        double weight = p * (1 - p);
        g0 += p - question.outcome();
        g1 += (p - question.outcome()) * x;
        h00 += weight;
        h01 += weight * x;
        h11 += weight * x * x;
      }
      double determinant = h00 * h11 - h01 * h01;
      double step0 = (h11 * g0 - h01 * g1) / determinant;
      double step1 = (h00 * g1 - h01 * g0) / determinant;
      double scale = 1;
      double[] next = {at[0] - step0, at[1] - step1};
      double nextLoss = penalisedLoss(sample, next);
      while (nextLoss > loss && scale > 1e-6) {
        scale /= 2;
        next = new double[] {at[0] - scale * step0, at[1] - scale * step1};
        nextLoss = penalisedLoss(sample, next);
      }
      if (nextLoss > loss) {
        break; // no step lowers it: a minimum, to rounding
      }
      boolean converged = Math.abs(next[0] - at[0]) + Math.abs(next[1] - at[1]) < 1e-10;
      at = next;
      loss = nextLoss;
      if (converged) {
        break;
      }
    }
    return at;
  }

  /** The log loss of {intercept, slope} on {@code sample}, plus the ridge's penalty. */
  private static double penalisedLoss(List<Question> sample, double[] at) {
    double loss = RIDGE / 2 * (at[0] * at[0] + (at[1] - 1) * (at[1] - 1));
    for (Question question : sample) {
      double z = at[0] + at[1] * question.meanLogOdds();
      // log(1 + e^z) - y z, written to stay finite for large |z|
      loss += Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - question.outcome() * z;
    }
    return loss;
  }

  /** The probability whose log-odds are {@code z}. */
  static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }
}
