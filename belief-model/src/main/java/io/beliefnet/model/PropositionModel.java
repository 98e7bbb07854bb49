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
 * <p>Consensus learning: each hard-label claim on an open proposition with more than one claim is
 * credited to its agent's confusion counts with what the proposition's claims say together
 * (expected counts, as in EM, from the posterior without the base rate); when that changes, the
 * earlier credit is replaced, not added to. The domain's base rate learns from outcomes only.
 * Resolution withdraws the consensus credit and scores the claims instead (see {@link
 * PropositionScorer}); a corrected outcome takes back what the first one credited.
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
    double[] logBaseRate = domain.logBaseRate(proposition.getOutcomeCount());
    double[] logPrior =
        labelsOnly(claims)
            ? ProbabilityVectors.scaled(logBaseRate, domain.labelPriorWeight())
            : logBaseRate;
    double[][] logLikelihoods = new double[claims.size()][];
    double[] independence = new double[claims.size()];
    double baseRateWeight = domain.baseRateWeight();
    for (int i = 0; i < claims.size(); i++) {
      ClaimState claim = claims.get(i);
      logLikelihoods[i] = reliabilityModel.logLikelihood(claim, logBaseRate, baseRateWeight);
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
   * True if a belief from {@code claims} is made of hard labels alone, and so starts from the base
   * rate to the learned label-prior weight ({@link WeightGrid#LABEL_PRIOR_WEIGHT}).
   */
  static boolean labelsOnly(List<ClaimState> claims) {
    return !claims.isEmpty() && claims.stream().allMatch(ClaimState::isHardLabel);
  }

  /**
   * The proposition a claim with {@code spec} goes to: {@code known}, or a new one if none is held.
   *
   * @throws IllegalArgumentException if the claim describes a held proposition differently
   */
  static PropositionState forClaim(PropositionState known, PropositionSpec spec) {
    if (known == null) {
      return PropositionState.of(spec);
    }
    known.requireMatches(spec);
    return known;
  }

  /**
   * Counts a claim its agent's side weighed ({@link ClaimantModel#weigh}): {@link
   * ClaimReceipt#LATE} on a resolved proposition and {@link ClaimReceipt#STALE} if older than the
   * agent's standing claim, both changing nothing; otherwise it replaces the agent's earlier claim,
   * credits the consensus and tells the agent its claim is open.
   */
  ClaimReceipt count(
      PropositionState proposition, ClaimState claim, DomainState domain, ModelFeedback feedback) {
    if (proposition.isResolved()) {
      return ClaimReceipt.LATE;
    }
    ClaimState previous = proposition.claimBy(claim.getAgentId());
    if (previous != null && previous.getEventTime() > claim.getEventTime()) {
      return ClaimReceipt.STALE;
    }
    claim.setSequence(proposition.takeSequence());
    // the claim's impact is measured with the reliabilities it met, before anyone learns from it
    claim(proposition, previous, claim, domain, feedback);
    OpenClaim open = OpenClaim.of(proposition.getId(), proposition.getOutcomeCount(), claim);
    open.setStamp(claim.getStamp());
    feedback.opened(claim.getAgentId(), open);
    return previous == null ? ClaimReceipt.COUNTED : ClaimReceipt.REPLACED;
  }

  /**
   * Counts a stamped claim on an open proposition, replacing the agent's {@code previous} one (if
   * any), and credits the consensus it leads to.
   */
  private void claim(
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
   * consensus if the stamp carries what outcomes taught ({@code fromOutcomes}). False, telling the
   * agent it holds no open claim here, when it has none or the proposition is resolved.
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
      feedback.forgotten(agentId, proposition.getId());
      return false;
    }
    if (claim.isHardLabel() != (stamp.labelLogLikelihood() != null)) {
      // stamped for the claim this one replaced, a label for a distribution or the other way
      // round: the replacement's own open-claim entry reaches the agent with the next feedback
      return false;
    }
    claim.setStamp(stamp);
    if (fromOutcomes) {
      credit(proposition, evaluate(proposition, domain), feedback);
    }
    return true;
  }

  /**
   * Removes {@code agentId}'s claim from an open proposition if it was made at or after {@code
   * since}, as when the key that signed it is revoked, and re-credits the consensus; false,
   * changing nothing, if there is no such claim or the proposition is resolved.
   */
  boolean withdraw(
      PropositionState proposition,
      String agentId,
      long since,
      DomainState domain,
      ModelFeedback feedback) {
    ClaimState claim = proposition.isResolved() ? null : proposition.claimBy(agentId);
    if (claim == null || claim.getEventTime() < since) {
      return false;
    }
    withdraw(proposition, claim, domain, feedback);
    return true;
  }

  private void withdraw(
      PropositionState proposition, ClaimState claim, DomainState domain, ModelFeedback feedback) {
    withdrawConsensusCredit(claim, feedback);
    proposition.getClaims().remove(claim);
    feedback.closed(claim.getAgentId(), proposition.getId());
    credit(proposition, evaluate(proposition, domain), feedback);
  }

  /**
   * Takes back what the proposition credited: its consensus or, if it is resolved, everything its
   * outcome taught, and leaves it open with its claims uncredited, so that a first outcome and a
   * later correction settle on the same footing.
   */
  private void withdrawCredit(PropositionState proposition, ModelFeedback feedback) {
    if (proposition.isResolved()) {
      scorer.unscore(proposition, feedback);
      proposition.setOutcome(-1);
      return;
    }
    for (ClaimState claim : proposition.getClaims()) {
      withdrawConsensusCredit(claim, feedback);
      feedback.closed(claim.getAgentId(), proposition.getId());
    }
  }

  /**
   * Resolves a proposition, or corrects its outcome: takes back what it credited, then scores and
   * settles every counted claim with the stamps it holds, and learns the outcome.
   */
  List<Settlement> resolve(
      PropositionState proposition, Outcome outcome, DomainState domain, ModelFeedback feedback) {
    withdrawCredit(proposition, feedback);
    // judged by the domain as it stands without this proposition's own earlier credit
    DomainState without = new DomainState();
    without.add(domain);
    without.add(feedback.domain());
    proposition.setOutcome(outcome.outcome());
    proposition.setObservedAt(outcome.observedAt());
    Evaluation evaluation = evaluate(proposition, without);
    return scorer.score(
        proposition,
        evaluation.claims(),
        without,
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
   * Replaces every hard-label claim's consensus credit with what the claims of {@code current}, the
   * open proposition's evaluation as it stands, say together: its posterior without the base rate.
   * The base rate is no evidence that an agent is right, and crediting it would count an agent that
   * gives the commonest answer as accurate on that outcome, which raises the weight of that answer,
   * which moves more beliefs to it (adult2 with a fifth of outcomes known: 0.726 crediting it,
   * 0.750 not).
   *
   * <p>A lone claim is credited nothing: the consensus it makes is itself, and agreeing with itself
   * says nothing about whether it is right. Crediting it would pull the agent's reliability towards
   * whatever it already was, each time a little firmer, and an agent who answers questions nobody
   * else answers would learn nothing but that (music_genre, no outcomes known: 0.760 crediting it,
   * 0.790 not).
   */
  private void credit(PropositionState proposition, Evaluation current, ModelFeedback feedback) {
    if (current.claims().size() < 2) {
      current.claims().forEach(claim -> withdrawConsensusCredit(claim, feedback));
      return;
    }
    double[] posterior =
        BeliefCalculator.posterior(
            new double[proposition.getOutcomeCount()],
            current.logLikelihoods(),
            current.weights(),
            current.claims().size());
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
