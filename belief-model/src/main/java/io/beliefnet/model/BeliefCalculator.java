package io.beliefnet.model;

import java.util.List;

/**
 * The posterior of one proposition from its claims: log P(y = k) = log prior(k) + Σ_i w_i ·
 * loglik_i(k), normalised. Pure functions; the claims' log likelihoods come from {@link
 * ReliabilityModel} (or, in a pipeline, stamped on the claims by the operator that owns the
 * agents).
 *
 * <p>Weights w_i start from the agent's learned independence (see {@link
 * ReliabilityModel#independence}) and multiply four discounts:
 *
 * <ol>
 *   <li>dependence: claims linked by one controller or by a shared evidence id form a group (linked
 *       transitively) whose members share the weight of {@link
 *       ModelParameters#controllerWeightCaps()} claims (one, by default), by their tier;
 *   <li>freshness: 2^(−age / half-life), age measured from the proposition's reference time;
 *   <li>identity: all influence-capped claims (unverified, unstaked) together weigh at most {@link
 *       ModelParameters#cappedTotalWeight()}, however many identities they come from;
 *   <li>pooling: probability claims whose weights sum to n > 1 are scaled by n^(−β).
 * </ol>
 */
public final class BeliefCalculator {
  private final ModelParameters parameters;

  public BeliefCalculator(ModelParameters parameters) {
    this.parameters = parameters;
  }

  /**
   * The weights of the first {@code count} of {@code claims} (see the class comment), each starting
   * from its agent's {@code independence} (aligned with {@code claims}).
   */
  public double[] weights(
      List<ClaimState> claims,
      double[] independence,
      int count,
      long referenceTime,
      long halfLifeMillis,
      double pooling) {
    return weights(
        claims,
        independence,
        DependenceGroups.of(claims, count),
        count,
        referenceTime,
        halfLifeMillis,
        pooling);
  }

  /** As above, with the dependence {@code groups} of exactly the first {@code count} claims. */
  double[] weights(
      List<ClaimState> claims,
      double[] independence,
      DependenceGroups groups,
      int count,
      long referenceTime,
      long halfLifeMillis,
      double pooling) {
    double[] weights = new double[count];
    double cappedTotal = 0;
    for (int i = 0; i < count; i++) {
      ClaimState claim = claims.get(i);
      double groupCap = parameters.controllerWeightCaps().get(claim.getPriorTier());
      int groupSize = groups.sizeOf(i);
      double weight =
          groupSize <= groupCap ? independence[i] : independence[i] * groupCap / groupSize;
      if (halfLifeMillis > 0 && claim.getEventTime() < referenceTime) {
        weight *= Math.pow(2, -(double) (referenceTime - claim.getEventTime()) / halfLifeMillis);
      }
      weights[i] = weight;
      if (claim.isInfluenceCapped()) {
        cappedTotal += weight;
      }
    }
    if (cappedTotal > parameters.cappedTotalWeight()) {
      double scale = parameters.cappedTotalWeight() / cappedTotal;
      for (int i = 0; i < count; i++) {
        if (claims.get(i).isInfluenceCapped()) {
          weights[i] *= scale;
        }
      }
    }
    double distributionTotal = 0;
    for (int i = 0; i < count; i++) {
      if (!claims.get(i).isHardLabel()) {
        distributionTotal += weights[i];
      }
    }
    if (distributionTotal > 1 && pooling > 0) {
      double scale = Math.pow(distributionTotal, -pooling);
      for (int i = 0; i < count; i++) {
        if (!claims.get(i).isHardLabel()) {
          weights[i] *= scale;
        }
      }
    }
    return weights;
  }

  /** Posterior from a log prior and the first {@code count} weighted claim log likelihoods. */
  public static double[] posterior(
      double[] logPrior, double[][] logLikelihoods, double[] weights, int count) {
    return ProbabilityVectors.softmax(logPosterior(logPrior, logLikelihoods, weights, count));
  }

  /** The posterior's log, up to a constant: the log prior plus the weighted log likelihoods. */
  static double[] logPosterior(
      double[] logPrior, double[][] logLikelihoods, double[] weights, int count) {
    double[] log = logPrior.clone();
    for (int i = 0; i < count; i++) {
      if (weights[i] == 0) {
        continue;
      }
      for (int k = 0; k < log.length; k++) {
        log[k] += weights[i] * logLikelihoods[i][k];
      }
    }
    return log;
  }
}
