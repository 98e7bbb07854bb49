package io.beliefnet.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;

/**
 * The model of one proposition: its belief from its stamped claims and the domain's base rate, and
 * what each event on it teaches the rest of the network. It reads the domain's state and writes
 * nothing outside the proposition: everything it learns for the claimants and the domain goes into
 * a {@link ModelFeedback}, which their owners apply.
 *
 * <p>Consensus learning: each hard-label claim on an open proposition is credited to its agent's
 * confusion counts with the proposition's current posterior (expected counts, as in EM), and the
 * domain's base rate with the posterior itself; when the posterior changes, the earlier credit is
 * replaced, not added to. Resolution withdraws the consensus credit and scores the claims instead
 * (see {@link PropositionScorer}); a corrected outcome takes back what the first one credited.
 */
final class PropositionModel {
  private final ModelParameters parameters;
  private final ReliabilityModel reliabilityModel;
  private final BeliefCalculator calculator;
  private final PropositionScorer scorer;

  PropositionModel(ModelParameters parameters) {
    this.parameters = parameters;
    this.reliabilityModel = new ReliabilityModel(parameters);
    this.calculator = new BeliefCalculator(parameters);
    this.scorer = new PropositionScorer(parameters, calculator);
  }

  /** A proposition's belief and what it was computed from, aligned with its counted claims. */
  record Evaluation(
      double[] logPrior,
      List<ClaimState> claims,
      double[][] logLikelihoods,
      double[] independence,
      double[] weights,
      double[] posterior) {}

  Evaluation evaluate(PropositionState proposition, DomainState domain) {
    List<ClaimState> claims = proposition.countedClaims();
    double[] logPrior =
        domain.logBaseRate(proposition.getOutcomeCount(), parameters.consensusEvidenceWeight());
    double[][] logLikelihoods = new double[claims.size()][];
    double[] independence = new double[claims.size()];
    for (int i = 0; i < claims.size(); i++) {
      ClaimState claim = claims.get(i);
      logLikelihoods[i] = reliabilityModel.logLikelihood(claim, logPrior);
      independence[i] = claim.getStamp().independence();
    }
    double[] weights =
        calculator.weights(
            claims,
            independence,
            claims.size(),
            proposition.referenceTime(),
            proposition.getHalfLifeMillis(),
            domain.poolingExponent());
    return new Evaluation(
        logPrior,
        claims,
        logLikelihoods,
        independence,
        weights,
        BeliefCalculator.posterior(logPrior, logLikelihoods, weights, claims.size()));
  }

  /**
   * Counts a stamped claim on an open proposition, replacing the agent's {@code previous} one (if
   * any), and credits the consensus it leads to.
   */
  void claim(
      PropositionState proposition,
      ClaimState previous,
      ClaimState claim,
      DomainState domain,
      ModelFeedback feedback) {
    if (previous != null) {
      withdrawConsensusCredit(previous, feedback);
      proposition.getClaims().remove(previous);
    }
    proposition.insert(claim);
    credit(proposition, evaluate(proposition, domain), feedback);
  }

  /**
   * Replaces the stamp of {@code agentId}'s claim on an open proposition, and re-credits the
   * consensus if the stamp carries what outcomes taught ({@code fromOutcomes}). False, changing
   * nothing, when the agent holds no claim on it or it is resolved.
   *
   * <p>A stamp moved by the consensus alone moves the belief but credits nothing: re-crediting it
   * would let a reliability raised by an agent's own agreement raise it again, the self-confirming
   * loop that makes online EM overconfident where each item has few answers. What outcomes teach
   * comes from outside that loop, so it is passed on to the consensus it improves.
   */
  boolean restamp(
      PropositionState proposition,
      String agentId,
      ClaimantStamp stamp,
      boolean fromOutcomes,
      DomainState domain,
      ModelFeedback feedback) {
    ClaimState claim = proposition.isResolved() ? null : proposition.claimBy(agentId);
    if (claim == null) {
      return false;
    }
    claim.setStamp(stamp);
    if (fromOutcomes) {
      credit(proposition, evaluate(proposition, domain), feedback);
    }
    return true;
  }

  /** Removes {@code agentId}'s claim from an open proposition and re-credits the consensus. */
  void withdraw(
      PropositionState proposition, ClaimState claim, DomainState domain, ModelFeedback feedback) {
    withdrawConsensusCredit(claim, feedback);
    proposition.getClaims().remove(claim);
    feedback.closed(claim.getAgentId(), proposition.getId());
    credit(proposition, evaluate(proposition, domain), feedback);
  }

  /**
   * The first step of resolving: takes back what the proposition credited, its consensus or, if it
   * is resolved, everything its outcome taught, and leaves it open with its claims uncredited. Once
   * this feedback is applied and the claims are stamped afresh, {@link #resolve} judges the
   * claimants without the echo of this proposition's own consensus, so a first outcome and a later
   * correction settle on the same footing.
   */
  void withdrawCredit(PropositionState proposition, ModelFeedback feedback) {
    if (proposition.isResolved()) {
      scorer.unscore(proposition, feedback);
      proposition.setOutcome(-1);
      return;
    }
    for (ClaimState claim : proposition.getClaims()) {
      withdrawConsensusCredit(claim, feedback);
      feedback.closed(claim.getAgentId(), proposition.getId());
    }
    if (proposition.getBaseRateContribution() != null) {
      feedback.domain().ensureOutcomes(proposition.getOutcomeCount());
      feedback.domain().addConsensusOutcome(proposition.getBaseRateContribution(), -1);
      proposition.setBaseRateContribution(null);
    }
  }

  /**
   * Resolves a proposition whose credit was withdrawn: scores and settles every counted claim and
   * learns the outcome.
   */
  List<Settlement> resolve(
      PropositionState proposition, Outcome outcome, DomainState domain, ModelFeedback feedback) {
    proposition.setOutcome(outcome.outcome());
    proposition.setObservedAt(outcome.observedAt());
    Evaluation evaluation = evaluate(proposition, domain);
    return scorer.score(
        proposition,
        evaluation.claims(),
        domain,
        feedback,
        evaluation.logPrior(),
        evaluation.logLikelihoods(),
        evaluation.independence());
  }

  Belief belief(PropositionState proposition, DomainState domain) {
    Evaluation evaluation = evaluate(proposition, domain);
    double[] posterior = evaluation.posterior();
    int leading = ProbabilityVectors.argmax(posterior);
    List<Contribution> contributions = new ArrayList<>();
    double effectiveSources = 0;
    for (int i = 0; i < evaluation.claims().size(); i++) {
      double[] logLikelihood = evaluation.logLikelihoods()[i];
      double mean = 0;
      for (double v : logLikelihood) {
        mean += v / logLikelihood.length;
      }
      double weight = evaluation.weights()[i];
      effectiveSources += weight;
      contributions.add(
          new Contribution(
              evaluation.claims().get(i).getAgentId(),
              weight,
              weight * (logLikelihood[leading] - mean)));
    }
    contributions.sort(
        Comparator.comparingDouble((Contribution c) -> -Math.abs(c.pull()))
            .thenComparing(Contribution::agentId));
    return new Belief(
        proposition.getId(),
        proposition.getDomain(),
        ProbabilityVectors.softmax(evaluation.logPrior()),
        posterior,
        effectiveSources,
        evaluation.claims().size(),
        List.copyOf(
            contributions.subList(0, Math.min(parameters.topContributors(), contributions.size()))),
        proposition.isResolved() ? OptionalInt.of(proposition.getOutcome()) : OptionalInt.empty());
  }

  /**
   * Replaces every hard-label claim's consensus credit, and the proposition's share of the base
   * rate, with the posterior of {@code current}, the open proposition's evaluation as it stands.
   */
  private void credit(PropositionState proposition, Evaluation current, ModelFeedback feedback) {
    double[] posterior = current.posterior();
    int outcomeCount = proposition.getOutcomeCount();
    for (ClaimState claim : current.claims()) {
      if (!claim.isHardLabel()) {
        continue;
      }
      withdrawConsensusCredit(claim, feedback);
      AgentDomainState agent = feedback.agent(claim.getAgentId());
      agent.ensureOutcomes(outcomeCount);
      agent.addConsensus(claim.getLabel(), posterior, 1);
      claim.setConsensusContribution(posterior);
    }
    DomainState domain = feedback.domain();
    domain.ensureOutcomes(outcomeCount);
    if (proposition.getBaseRateContribution() != null) {
      domain.addConsensusOutcome(proposition.getBaseRateContribution(), -1);
    }
    domain.addConsensusOutcome(posterior, 1);
    proposition.setBaseRateContribution(posterior);
  }

  private static void withdrawConsensusCredit(ClaimState claim, ModelFeedback feedback) {
    double[] credited = claim.getConsensusContribution();
    if (credited != null) {
      AgentDomainState agent = feedback.agent(claim.getAgentId());
      agent.ensureOutcomes(credited.length);
      agent.addConsensus(claim.getLabel(), credited, -1);
      claim.setConsensusContribution(null);
    }
  }
}
