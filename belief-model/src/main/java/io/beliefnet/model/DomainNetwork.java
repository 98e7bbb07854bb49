package io.beliefnet.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The belief network of one domain over a {@link DomainStore}: applies claims and outcomes in the
 * order given and answers for beliefs and reliabilities. Everything an agent's reliability in a
 * domain depends on lives in that domain, so domains are independent of each other: a replay holds
 * one per domain in memory, a streaming job one per domain key over keyed state, and both give the
 * same bits for the same events in the same order.
 *
 * <p>Learning:
 *
 * <ul>
 *   <li>from the consensus: each hard-label claim on an open proposition credits its agent's
 *       confusion counts with the proposition's current posterior (expected counts, as in EM); when
 *       the posterior changes the claim's earlier credit is replaced, not added to. After every claim
 *       the claimed proposition and {@link ModelParameters#refreshesPerEvent()} other open ones of
 *       the domain (round-robin) are re-evaluated, so the estimate converges towards batch
 *       Dawid–Skene;
 *   <li>from outcomes: resolution withdraws the consensus credit and credits the true outcome,
 *       calibration and the ledger instead; a corrected outcome takes back what the first credited.
 * </ul>
 *
 * <p>Stake: an agent's settlement losses in this domain are deducted from the stake that backs its
 * claims here, so a staked liar that has lost its stake is capped like any unstaked identity.
 *
 * <p>A belief read now uses the current reliabilities of its claimants. No hash-order iteration
 * reaches a result and nothing is random.
 */
public final class DomainNetwork {
  private final ModelParameters parameters;
  private final ReliabilityModel reliabilityModel;
  private final BeliefCalculator calculator;
  private final PropositionScorer scorer;
  private final String name;
  private final DomainStore store;

  /** The network of domain {@code name}, with its state in {@code store}. */
  public DomainNetwork(String name, ModelParameters parameters, DomainStore store) {
    this.name = name;
    this.parameters = parameters;
    this.reliabilityModel = new ReliabilityModel(parameters);
    this.calculator = new BeliefCalculator(parameters);
    this.scorer = new PropositionScorer(parameters, calculator);
    this.store = store;
  }

  /**
   * Applies a claim: counts it, replaces the agent's older claim, or ignores it (see status). A
   * proposition is closed to claims once its outcome is applied.
   */
  public ClaimReceipt claim(Claim claim, AgentProfile agent) {
    PropositionSpec spec = claim.proposition();
    PropositionState proposition = store.proposition(spec.id()).orElse(null);
    if (proposition == null) {
      proposition = PropositionState.of(spec);
      store.addProposition(proposition);
      store.offerRefresh(spec.id());
    } else {
      proposition.requireMatches(spec);
    }
    double[] before = evaluate(proposition).posterior();
    if (proposition.isResolved()) {
      return new ClaimReceipt(ClaimReceipt.Status.LATE, before, before);
    }
    ClaimState previous = proposition.claimBy(claim.agentId());
    if (previous != null && previous.getEventTime() > claim.eventTime()) {
      return new ClaimReceipt(ClaimReceipt.Status.STALE, before, before);
    }
    if (previous != null) {
      withdrawConsensusCredit(previous, store.agent(previous.getAgentId()));
      proposition.getClaims().remove(previous);
    }
    proposition.insert(ClaimState.of(claim, staked(agent), proposition.takeSequence()));
    // the claim's impact is measured with the reliabilities it met, before anyone learns from it
    Evaluation after = evaluate(proposition);
    refresh(proposition, after);
    refreshInBackground();
    return new ClaimReceipt(
        previous == null ? ClaimReceipt.Status.COUNTED : ClaimReceipt.Status.REPLACED,
        before,
        after.posterior().clone());
  }

  /**
   * Resolves a proposition: scores and settles every counted claim, then learns from the outcome. A
   * second outcome for the same proposition is a correction: what the first credited is taken back.
   * An outcome for a proposition nobody claimed on (or that was forgotten) settles nothing.
   */
  public List<Settlement> resolve(Outcome outcome) {
    PropositionState proposition = store.proposition(outcome.propositionId()).orElse(null);
    if (proposition == null) {
      return List.of();
    }
    if (outcome.outcome() >= proposition.getOutcomeCount()) {
      throw new IllegalArgumentException(
          "outcome " + outcome.outcome() + " for proposition " + outcome.propositionId()
              + " is out of range: it has " + proposition.getOutcomeCount() + " outcomes (0.."
              + (proposition.getOutcomeCount() - 1) + ")");
    }
    if (proposition.isResolved()) {
      unscore(proposition);
    } else {
      // the claimants are judged without the echo of this proposition's own consensus, so a first
      // outcome and a later correction settle on the same footing
      for (ClaimState claim : proposition.getClaims()) {
        withdrawConsensusCredit(claim, store.agent(claim.getAgentId()));
      }
      if (proposition.getBaseRateContribution() != null) {
        store.domain().addConsensusOutcome(proposition.getBaseRateContribution(), -1);
        proposition.setBaseRateContribution(null);
      }
    }
    proposition.setOutcome(outcome.outcome());
    proposition.setObservedAt(outcome.observedAt());
    List<Settlement> settlements = score(proposition);
    refreshInBackground();
    return settlements;
  }

  /**
   * Withdraws the standing claims {@code agentId} made at or after {@code since} on open
   * propositions, as when the key that signed them is revoked: they stop counting, their consensus
   * credit is taken back, and the beliefs they touched are re-evaluated. Resolved propositions keep
   * their settlements. Reads every open proposition of the domain, so it is for rare events.
   */
  public void withdrawClaims(String agentId, long since) {
    int queued = store.refreshQueueSize();
    for (int i = 0; i < queued; i++) {
      String id = store.pollRefresh().orElseThrow();
      PropositionState proposition = store.proposition(id).orElse(null);
      if (proposition == null || proposition.isResolved()) {
        continue; // leaves the queue, as in refreshInBackground
      }
      store.offerRefresh(id);
      ClaimState claim = proposition.claimBy(agentId);
      if (claim != null && claim.getEventTime() >= since) {
        withdrawConsensusCredit(claim, store.agent(agentId));
        proposition.getClaims().remove(claim);
        refresh(proposition, evaluate(proposition));
      }
    }
  }

  /** The current belief about a proposition, if any claim on it was seen and it is held. */
  public Optional<Belief> belief(String propositionId) {
    return store.proposition(propositionId).map(this::belief);
  }

  /** What is learned about an agent in this domain; the prior if it never claimed here. */
  public Reliability reliability(String agentId, AgentProfile profile) {
    return reliabilityModel.describe(
        agentId, name, staked(profile), store.agent(agentId), store.domain());
  }

  /**
   * The agent with what it lost in this domain deducted from its stake. Slashing is per domain, so
   * that each domain's results depend on its own events only (see the class comment).
   */
  private AgentProfile staked(AgentProfile agent) {
    return agent.afterSettlement(store.agent(agent.id()).getLedger().getSettlementTotal());
  }

  private Belief belief(PropositionState proposition) {
    Evaluation evaluation = evaluate(proposition);
    double[] posterior = evaluation.posterior();
    int leading = ProbabilityVectors.argmax(posterior);
    List<Contribution> contributions = new ArrayList<>();
    for (int i = 0; i < evaluation.claims().size(); i++) {
      double[] logLikelihood = evaluation.logLikelihoods()[i];
      double mean = 0;
      for (double v : logLikelihood) {
        mean += v / logLikelihood.length;
      }
      double weight = evaluation.weights()[i];
      contributions.add(
          new Contribution(
              evaluation.claims().get(i).getAgentId(), weight, weight * (logLikelihood[leading] - mean)));
    }
    contributions.sort(
        Comparator.comparingDouble((Contribution c) -> -Math.abs(c.pull()))
            .thenComparing(Contribution::agentId));
    double effectiveSources = 0;
    for (double weight : evaluation.weights()) {
      effectiveSources += weight;
    }
    return new Belief(
            proposition.getId(),
            proposition.getDomain(),
            ProbabilityVectors.softmax(evaluation.logPrior()),
            posterior,
            effectiveSources,
            evaluation.claims().size(),
            List.copyOf(contributions.subList(0, Math.min(parameters.topContributors(), contributions.size()))),
            proposition.isResolved() ? OptionalInt.of(proposition.getOutcome()) : OptionalInt.empty());
  }

  /** A proposition's belief and what it was computed from, aligned with its counted claims. */
  private record Evaluation(
      double[] logPrior,
      List<ClaimState> claims,
      List<AgentDomainState> claimants,
      double[][] logLikelihoods,
      double[] independence,
      double[] weights,
      double[] posterior) {}

  private Evaluation evaluate(PropositionState proposition) {
    List<ClaimState> claims = proposition.countedClaims();
    List<AgentDomainState> claimants = new ArrayList<>(claims.size());
    for (ClaimState claim : claims) {
      claimants.add(store.agent(claim.getAgentId()));
    }
    DomainState domain = store.domain();
    double[] logPrior =
        domain.logBaseRate(proposition.getOutcomeCount(), parameters.consensusEvidenceWeight());
    double[][] logLikelihoods = new double[claims.size()][];
    double[] independence = new double[claims.size()];
    for (int i = 0; i < claims.size(); i++) {
      ClaimState claim = claims.get(i);
      logLikelihoods[i] =
          reliabilityModel.logLikelihood(
              claim, claimants.get(i), domain, proposition.getOutcomeCount(), logPrior);
      independence[i] = reliabilityModel.independence(claim.getPriorTier(), claimants.get(i));
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
        claimants,
        logLikelihoods,
        independence,
        weights,
        BeliefCalculator.posterior(logPrior, logLikelihoods, weights, claims.size()));
  }

  /**
   * Replaces every hard-label claim's consensus credit with the posterior of {@code current}, the
   * open proposition's evaluation as its state stands.
   */
  private void refresh(PropositionState proposition, Evaluation current) {
    double[] posterior = current.posterior();
    int outcomeCount = proposition.getOutcomeCount();
    DomainState domain = store.domain();
    for (int i = 0; i < current.claims().size(); i++) {
      ClaimState claim = current.claims().get(i);
      if (!claim.isHardLabel()) {
        continue;
      }
      AgentDomainState agent = current.claimants().get(i);
      withdrawConsensusCredit(claim, agent);
      agent.ensureOutcomes(outcomeCount);
      agent.addConsensus(claim.getLabel(), posterior, 1);
      claim.setConsensusContribution(posterior);
    }
    domain.ensureOutcomes(outcomeCount);
    if (proposition.getBaseRateContribution() != null) {
      domain.addConsensusOutcome(proposition.getBaseRateContribution(), -1);
    }
    domain.addConsensusOutcome(posterior, 1);
    proposition.setBaseRateContribution(posterior);
  }

  /** Re-evaluates the next few open propositions, round-robin, so older beliefs keep up. */
  private void refreshInBackground() {
    int refreshed = 0;
    int polled = 0;
    int queued = store.refreshQueueSize();
    while (refreshed < parameters.refreshesPerEvent() && polled < queued) {
      String id = store.pollRefresh().orElseThrow();
      polled++;
      PropositionState proposition = store.proposition(id).orElse(null);
      if (proposition == null || proposition.isResolved()) {
        continue;
      }
      refresh(proposition, evaluate(proposition));
      store.offerRefresh(id);
      refreshed++;
    }
  }

  private static void withdrawConsensusCredit(ClaimState claim, AgentDomainState agent) {
    if (claim.getConsensusContribution() != null) {
      agent.addConsensus(claim.getLabel(), claim.getConsensusContribution(), -1);
      claim.setConsensusContribution(null);
    }
  }

  private List<Settlement> score(PropositionState proposition) {
    Evaluation evaluation = evaluate(proposition);
    return scorer.score(
        proposition,
        evaluation.claims(),
        evaluation.claimants(),
        store.domain(),
        evaluation.logPrior(),
        evaluation.logLikelihoods(),
        evaluation.independence());
  }

  private void unscore(PropositionState proposition) {
    List<AgentDomainState> claimants = new ArrayList<>();
    for (ClaimState claim : proposition.getClaims()) {
      claimants.add(store.agent(claim.getAgentId()));
    }
    scorer.unscore(proposition, claimants, store.domain());
  }
}
