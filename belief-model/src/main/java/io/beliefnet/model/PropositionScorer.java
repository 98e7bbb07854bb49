package io.beliefnet.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Scores, settles and learns from a resolved proposition, and takes all of it back when the outcome
 * is corrected.
 *
 * <p>Settlement walks the counted claims in event-time order: P_0 is the prior, P_i the posterior
 * from the first i claims (same weights and reliabilities as the belief, evaluated at resolution),
 * and claim i earns stake × (log P_i(y*) − log P_{i−1}(y*)). The gains telescope: they sum to log
 * P_n(y*) − log P_0(y*), the network's information gain on the proposition. A claim that only
 * repeats the consensus moves it little, and what it moves is on average towards the truth only as
 * far as the consensus was already right: copying earns about nothing.
 *
 * <p>Learning (after settling, so the settlement uses what was known before the outcome): each
 * claim adds to its agent's {@link IndependenceGrid} the log probability of the outcome from
 * P_{i−1} plus the claim at each independence weight; each hard-label claim adds 1 to its agent's
 * confusion count (truth, label); each probability claim adds its log likelihood per calibration
 * slope to its agent and to the domain's population; the domain's base rate counts the outcome; if
 * probability claims were pooled, the pooling exponents are scored by how well each would have
 * predicted the outcome; and so are the weights the domain's forecasters leave to its base rate.
 */
final class PropositionScorer {
  private final ModelParameters parameters;
  private final BeliefCalculator calculator;

  PropositionScorer(ModelParameters parameters, BeliefCalculator calculator) {
    this.parameters = parameters;
    this.calculator = calculator;
  }

  /**
   * Scores the counted claims (event order) of a resolved proposition, in a domain whose state is
   * {@code domain}, and credits their agents and the domain in {@code feedback}.
   */
  List<Settlement> score(
      PropositionState proposition,
      List<ClaimState> claims,
      DomainState domain,
      ModelFeedback feedback,
      double[] logPrior,
      double[][] logLikelihoods,
      double[] independence) {
    int outcome = proposition.getOutcome();
    int outcomeCount = proposition.getOutcomeCount();
    double pooling = domain.poolingExponent();
    List<Settlement> settlements = new ArrayList<>(claims.size());
    double[] fullIndependence = new double[claims.size()];
    Arrays.fill(fullIndependence, 1);
    double[] logitsBefore = logPrior;
    double logBefore = Math.log(ProbabilityVectors.softmax(logPrior)[outcome]);
    DependenceGroups groups = new DependenceGroups(claims.size());
    double[] weights = new double[0]; // after the loop, the final belief's
    for (int i = 0; i < claims.size(); i++) {
      ClaimState claim = claims.get(i);
      groups.add(claim);
      weights = weights(proposition, claims, independence, groups, i + 1, pooling);
      double[] logitsAfter =
          BeliefCalculator.logPosterior(logPrior, logLikelihoods, weights, i + 1);
      double logAfter = Math.log(ProbabilityVectors.softmax(logitsAfter)[outcome]);
      double gain = logAfter - logBefore;
      // the claim's weight if its agent were fully independent, every other discount applied
      double discount = weights(proposition, claims, fullIndependence, groups, i + 1, pooling)[i];
      claim.setIndependenceCredit(
          IndependenceGrid.logLikelihoodPerWeight(
              logitsBefore, logLikelihoods[i], discount, outcome));
      logitsBefore = logitsAfter;
      logBefore = logAfter;
      Settlement settlement = settle(proposition, claim, outcome, gain);
      claim.setScoredOutcome(outcome);
      claim.setInformationGain(gain);
      claim.setSettlement(settlement.amount());
      claim.setLogScore(settlement.logScore());
      claim.setBrier(settlement.brier());
      AgentDomainState agent = feedback.agent(claim.getAgentId());
      agent.getLedger().record(settlement, 1);
      learn(claim, agent, feedback.domain(), outcome, outcomeCount, 1);
      settlements.add(settlement);
    }
    double[] poolingCredit =
        poolingCredit(proposition, claims, groups, logPrior, logLikelihoods, independence);
    if (poolingCredit != null) {
      feedback.domain().addPooling(poolingCredit, 1);
      proposition.setPoolingCredit(poolingCredit);
    }
    double[] baseRateWeightCredit =
        baseRateWeightCredit(
            proposition, claims, weights, domain.baseRateWeight(), logPrior, logLikelihoods);
    if (baseRateWeightCredit != null) {
      feedback.domain().addBaseRateWeight(baseRateWeightCredit, 1);
      proposition.setBaseRateWeightCredit(baseRateWeightCredit);
    }
    double[] labelPriorWeightCredit = labelPriorWeightCredit(claims, logitsBefore, domain, outcome);
    if (labelPriorWeightCredit != null) {
      feedback.domain().addLabelPriorWeight(labelPriorWeightCredit, 1);
      proposition.setLabelPriorWeightCredit(labelPriorWeightCredit);
    }
    feedback.domain().ensureOutcomes(outcomeCount);
    feedback.domain().addSupervisedOutcome(outcome, 1);
    return settlements;
  }

  private double[] weights(
      PropositionState proposition,
      List<ClaimState> claims,
      double[] independence,
      DependenceGroups groups,
      int count,
      double pooling) {
    return calculator.weights(
        claims,
        independence,
        groups,
        count,
        proposition.referenceTime(),
        proposition.getHalfLifeMillis(),
        pooling);
  }

  /** Takes back everything {@link #score} credited for the proposition's current outcome. */
  void unscore(PropositionState proposition, ModelFeedback feedback) {
    int outcome = proposition.getOutcome();
    DomainState domain = feedback.domain();
    for (ClaimState claim : proposition.getClaims()) {
      if (!claim.isScored()) {
        continue;
      }
      AgentDomainState agent = feedback.agent(claim.getAgentId());
      agent.getLedger().record(storedSettlement(proposition, claim), -1);
      learn(claim, agent, domain, claim.getScoredOutcome(), proposition.getOutcomeCount(), -1);
      claim.setScoredOutcome(-1);
    }
    if (proposition.getPoolingCredit() != null) {
      domain.addPooling(proposition.getPoolingCredit(), -1);
      proposition.setPoolingCredit(null);
    }
    if (proposition.getBaseRateWeightCredit() != null) {
      domain.addBaseRateWeight(proposition.getBaseRateWeightCredit(), -1);
      proposition.setBaseRateWeightCredit(null);
    }
    if (proposition.getLabelPriorWeightCredit() != null) {
      domain.addLabelPriorWeight(proposition.getLabelPriorWeightCredit(), -1);
      proposition.setLabelPriorWeightCredit(null);
    }
    domain.ensureOutcomes(proposition.getOutcomeCount());
    domain.addSupervisedOutcome(outcome, -1);
  }

  private Settlement settle(
      PropositionState proposition, ClaimState claim, int outcome, double gain) {
    double[] stated =
        claim.statedDistribution(proposition.getOutcomeCount(), parameters.probabilityFloor());
    double brier = 0;
    for (int k = 0; k < stated.length; k++) {
      double error = stated[k] - (k == outcome ? 1 : 0);
      brier += 0.5 * error * error;
    }
    double stake = settledStake(claim);
    return new Settlement(
        claim.getAgentId(),
        proposition.getId(),
        proposition.getDomain(),
        outcome,
        gain,
        stake,
        stake * gain,
        Math.log(stated[outcome]),
        brier);
  }

  private static Settlement storedSettlement(PropositionState proposition, ClaimState claim) {
    return new Settlement(
        claim.getAgentId(),
        proposition.getId(),
        proposition.getDomain(),
        claim.getScoredOutcome(),
        claim.getInformationGain(),
        settledStake(claim),
        claim.getSettlement(),
        claim.getLogScore(),
        claim.getBrier());
  }

  /** Unstaked claims settle a nominal stake of 1: reputation, not money. */
  private static double settledStake(ClaimState claim) {
    return claim.getStake() > 0 ? claim.getStake() : 1;
  }

  private void learn(
      ClaimState claim,
      AgentDomainState agent,
      DomainState domain,
      int outcome,
      int outcomeCount,
      int sign) {
    agent.addIndependence(claim.getIndependenceCredit(), sign);
    if (claim.isHardLabel()) {
      agent.ensureOutcomes(outcomeCount);
      agent.addSupervised(outcome, claim.getLabel(), sign);
      return;
    }
    double[] perSlope =
        CalibrationGrid.logLikelihoodPerSlope(
            ProbabilityVectors.clampAndNormalise(
                claim.getProbabilities(), parameters.probabilityFloor()),
            outcome);
    agent.addCalibration(perSlope, sign);
    domain.addPopulationCalibration(perSlope, sign);
  }

  /**
   * For each pooling exponent on the grid, the log probability the final belief would have given
   * the outcome, with the dependence {@code groups} of all the claims; null when fewer than two
   * probability claims' worth were pooled (nothing to learn).
   */
  private double[] poolingCredit(
      PropositionState proposition,
      List<ClaimState> claims,
      DependenceGroups groups,
      double[] logPrior,
      double[][] logLikelihoods,
      double[] independence) {
    double[] unpooled = weights(proposition, claims, independence, groups, claims.size(), 0);
    double distributionWeight = 0;
    for (int i = 0; i < claims.size(); i++) {
      if (!claims.get(i).isHardLabel()) {
        distributionWeight += unpooled[i];
      }
    }
    if (distributionWeight <= 1) {
      return null;
    }
    double[] credit = new double[PoolingGrid.SIZE];
    for (int j = 0; j < PoolingGrid.SIZE; j++) {
      double[] weights =
          weights(
              proposition, claims, independence, groups, claims.size(), PoolingGrid.exponent(j));
      credit[j] =
          Math.log(
              BeliefCalculator.posterior(logPrior, logLikelihoods, weights, claims.size())[
                  proposition.getOutcome()]);
    }
    return credit;
  }

  /**
   * For each base-rate weight on the grid, the log probability the final belief would have given
   * the outcome had its probability claims left that weight to the base rate, from the final
   * belief's {@code weights} and the log likelihoods made with the {@code current} weight; null
   * without probability claims (nothing to learn).
   */
  private static double[] baseRateWeightCredit(
      PropositionState proposition,
      List<ClaimState> claims,
      double[] weights,
      double current,
      double[] logPrior,
      double[][] logLikelihoods) {
    if (claims.stream().allMatch(ClaimState::isHardLabel)) {
      return null;
    }
    double[][] moved = new double[claims.size()][];
    WeightGrid grid = WeightGrid.BASE_RATE_WEIGHT;
    double[] credit = grid.none();
    for (int j = 0; j < grid.size(); j++) {
      double shift = grid.weight(j) - current;
      for (int i = 0; i < claims.size(); i++) {
        moved[i] = logLikelihoods[i];
        if (!claims.get(i).isHardLabel()) {
          moved[i] = moved[i].clone();
          for (int k = 0; k < logPrior.length; k++) {
            moved[i][k] += shift * logPrior[k];
          }
        }
      }
      credit[j] =
          Math.log(
              BeliefCalculator.posterior(logPrior, moved, weights, claims.size())[
                  proposition.getOutcome()]);
    }
    return credit;
  }

  /**
   * For each label-prior weight on the grid, the log probability the final belief ({@code
   * finalLogits}, made with the {@code domain}'s current weight) would have given the outcome had
   * it started from the base rate to that weight; null unless the claims are hard labels alone.
   */
  private static double[] labelPriorWeightCredit(
      List<ClaimState> claims, double[] finalLogits, DomainState domain, int outcome) {
    if (!PropositionModel.labelsOnly(claims)) {
      return null;
    }
    double[] logBaseRate = domain.logBaseRate(finalLogits.length);
    double current = domain.labelPriorWeight();
    WeightGrid grid = WeightGrid.LABEL_PRIOR_WEIGHT;
    double[] credit = grid.none();
    double[] logits = new double[finalLogits.length];
    for (int j = 0; j < grid.size(); j++) {
      for (int k = 0; k < logits.length; k++) {
        logits[k] = finalLogits[k] + (grid.weight(j) - current) * logBaseRate[k];
      }
      credit[j] = Math.log(ProbabilityVectors.softmax(logits)[outcome]);
    }
    return credit;
  }
}
