package io.beliefnet.model;

import java.util.List;
import java.util.OptionalInt;

/**
 * The network's belief about a proposition now.
 *
 * @param prior the domain's base rate the belief started from, before any claim
 * @param distribution posterior probability of each outcome; sums to 1
 * @param effectiveSources sum of claim weights after dependence, freshness, identity and pooling
 *     discounts: how many independent sources the belief rests on
 * @param claims number of claims counted
 * @param topContributors the agents that moved the belief most, by |pull|, largest first
 * @param outcome the resolved outcome, once known
 */
public record Belief(
    String propositionId,
    String domain,
    double[] prior,
    double[] distribution,
    double effectiveSources,
    int claims,
    List<Contribution> topContributors,
    OptionalInt outcome) {

  /** The most probable outcome; ties go to the lowest index. */
  public int mostLikely() {
    return ProbabilityVectors.argmax(distribution);
  }

  @Override
  public double[] prior() {
    return prior.clone();
  }

  @Override
  public double[] distribution() {
    return distribution.clone();
  }
}
