package io.beliefnet.model;

/**
 * What one more claim from an agent is worth to a belief before it is made: the expected fall in
 * the belief's log loss (its entropy, in nats) once the agent's hard label is known, the agent
 * answering with its confusion matrix. This is the mutual information between the truth and the
 * agent's answer under the current belief: never negative, zero for an agent whose answer does not
 * depend on the truth, and largest for reliable agents on uncertain beliefs.
 */
public final class EvidenceValue {
  private EvidenceValue() {}

  /**
   * The expected entropy reduction of {@code belief} from a hard label drawn from {@code confusion}
   * (row = truth, column = label; rows sum to 1).
   */
  public static double expectedLossReduction(double[] belief, double[][] confusion) {
    int outcomes = belief.length;
    double expectedAfter = 0;
    for (int label = 0; label < outcomes; label++) {
      double answered = 0;
      for (int truth = 0; truth < outcomes; truth++) {
        answered += belief[truth] * confusion[truth][label];
      }
      if (answered <= 0) {
        continue;
      }
      double entropy = 0;
      for (int truth = 0; truth < outcomes; truth++) {
        double posterior = belief[truth] * confusion[truth][label] / answered;
        entropy -= posterior > 0 ? posterior * Math.log(posterior) : 0;
      }
      expectedAfter += answered * entropy;
    }
    return Math.max(0, entropy(belief) - expectedAfter);
  }

  static double entropy(double[] distribution) {
    double entropy = 0;
    for (double p : distribution) {
      entropy -= p > 0 ? p * Math.log(p) : 0;
    }
    return entropy;
  }
}
