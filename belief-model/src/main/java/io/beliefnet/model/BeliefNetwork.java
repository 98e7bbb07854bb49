package io.beliefnet.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The whole belief network in memory, single-threaded: applies an ordered stream of agent
 * registrations, claims and outcomes, and answers for beliefs, reliabilities and ledgers. The
 * evaluation harness, the tests and parity checks of the streaming job all run through it.
 *
 * <p>State is split the way a keyed pipeline splits it: {@link PropositionState} per proposition,
 * {@link AgentDomainState} per agent and domain, {@link DomainState} per domain; every formula lives
 * in {@link ReliabilityModel}, {@link BeliefCalculator} and {@link PropositionScorer}.
 *
 * <p>Learning:
 *
 * <ul>
 *   <li>from the consensus: each hard-label claim on an open proposition credits its agent's
 *       confusion counts with the proposition's current posterior (expected counts, as in EM); when
 *       the posterior changes the claim's earlier credit is replaced, not added to. After every claim
 *       the claimed proposition and {@link ModelParameters#refreshesPerEvent()} other open ones
 *       (round-robin) are re-evaluated, so the estimate converges towards batch Dawid–Skene;
 *   <li>from outcomes: resolution withdraws the consensus credit and credits the true outcome,
 *       calibration and the ledger instead; a corrected outcome takes back what the first credited.
 * </ul>
 *
 * <p>Guarantees: the same events in the same order give bit-identical results (no hash-order
 * iteration reaches a result, no randomness). A belief read now uses the current reliabilities of its
 * claimants. Memory: bytes per agent-domain and per open claim as documented on the state classes;
 * {@link #forgetResolvedBefore(long)} drops resolved propositions, after which only corrections and
 * late claims for them are lost (they are treated as new propositions).
 */
public final class BeliefNetwork {
  private final ModelParameters parameters;
  private final ReliabilityModel reliabilityModel;
  private final BeliefCalculator calculator;
  private final PropositionScorer scorer;
  private final Map<String, AgentProfile> agents = new HashMap<>();
  private final Map<String, PropositionState> propositions = new HashMap<>();
  private final Map<String, TreeMap<String, AgentDomainState>> agentDomains = new HashMap<>();
  private final Map<String, DomainState> domains = new HashMap<>();
  private final ArrayDeque<String> refreshQueue = new ArrayDeque<>();

  public BeliefNetwork(ModelParameters parameters) {
    this.parameters = parameters;
    this.reliabilityModel = new ReliabilityModel(parameters);
    this.calculator = new BeliefCalculator(parameters);
    this.scorer = new PropositionScorer(parameters, calculator);
  }

  /** A network with {@link ModelParameters#defaults()}. */
  public BeliefNetwork() {
    this(ModelParameters.defaults());
  }

  /** Applies one event; returns the settlements it caused (outcomes, re-scored late claims). */
  public List<Settlement> apply(NetworkEvent event) {
    if (event instanceof AgentProfile agent) {
      register(agent);
      return List.of();
    }
    if (event instanceof Claim claim) {
      return claim(claim).settlements();
    }
    return resolve((Outcome) event);
  }

  /** Registers or updates an agent; claims made from now on are stamped with this profile. */
  public void register(AgentProfile agent) {
    agents.put(agent.id(), agent);
  }

  /** Applies a claim: counts it, replaces the agent's older claim, or ignores it (see status). */
  public ClaimReceipt claim(Claim claim) {
    PropositionSpec spec = claim.proposition();
    PropositionState proposition = propositions.get(spec.id());
    if (proposition == null) {
      proposition = PropositionState.of(spec);
      propositions.put(spec.id(), proposition);
      refreshQueue.addLast(spec.id());
    } else {
      proposition.requireMatches(spec);
    }
    double[] before = evaluate(proposition).posterior();
    if (proposition.isLate(claim.eventTime())) {
      return new ClaimReceipt(ClaimReceipt.Status.LATE, before, before, List.of());
    }
    ClaimState previous = proposition.claimBy(claim.agentId());
    if (previous != null && previous.getEventTime() > claim.eventTime()) {
      return new ClaimReceipt(ClaimReceipt.Status.STALE, before, before, List.of());
    }
    AgentProfile agent = agents.getOrDefault(claim.agentId(), AgentProfile.unregistered(claim.agentId()));
    if (proposition.isResolved()) {
      unscore(proposition);
    }
    if (previous != null) {
      withdrawConsensusCredit(proposition, previous);
      proposition.getClaims().remove(previous);
    }
    proposition.insert(ClaimState.of(claim, agent, proposition.takeSequence()));
    // the claim's impact is measured with the reliabilities it met, before anyone learns from it
    double[] after = evaluate(proposition).posterior();
    List<Settlement> settlements = List.of();
    if (proposition.isResolved()) {
      settlements = score(proposition);
    } else {
      refresh(proposition);
    }
    refreshInBackground();
    return new ClaimReceipt(
        previous == null ? ClaimReceipt.Status.COUNTED : ClaimReceipt.Status.REPLACED,
        before,
        after,
        settlements);
  }

  /**
   * Resolves a proposition: scores and settles every counted claim, then learns from the outcome. A
   * second outcome for the same proposition is a correction: what the first credited is taken back.
   * An outcome for a proposition nobody claimed on (or that was forgotten) settles nothing.
   */
  public List<Settlement> resolve(Outcome outcome) {
    PropositionState proposition = propositions.get(outcome.propositionId());
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
        withdrawConsensusCredit(proposition, claim);
      }
      if (proposition.getBaseRateContribution() != null) {
        domain(proposition.getDomain()).addConsensusOutcome(proposition.getBaseRateContribution(), -1);
        proposition.setBaseRateContribution(null);
      }
    }
    proposition.setOutcome(outcome.outcome());
    proposition.setObservedAt(outcome.observedAt());
    List<Settlement> settlements = score(proposition);
    refreshInBackground();
    return settlements;
  }

  /** The current belief about a proposition, if any claim on it was seen (and it is not forgotten). */
  public Optional<Belief> belief(String propositionId) {
    PropositionState proposition = propositions.get(propositionId);
    if (proposition == null) {
      return Optional.empty();
    }
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
    return Optional.of(
        new Belief(
            propositionId,
            proposition.getDomain(),
            ProbabilityVectors.softmax(evaluation.logPrior()),
            posterior,
            effectiveSources,
            evaluation.claims().size(),
            List.copyOf(contributions.subList(0, Math.min(parameters.topContributors(), contributions.size()))),
            proposition.isResolved() ? OptionalInt.of(proposition.getOutcome()) : OptionalInt.empty()));
  }

  /** What is known about an agent in a domain, if it ever claimed there. */
  public Optional<Reliability> reliability(String agentId, String domainName) {
    TreeMap<String, AgentDomainState> byDomain = agentDomains.get(agentId);
    if (byDomain == null || !byDomain.containsKey(domainName)) {
      return Optional.empty();
    }
    AgentProfile profile = agents.getOrDefault(agentId, AgentProfile.unregistered(agentId));
    return Optional.of(
        reliabilityModel.describe(agentId, domainName, profile, byDomain.get(domainName), domain(domainName)));
  }

  /** The agent's reputation ledger summed over its domains (empty if it never settled). */
  public ReputationLedger ledger(String agentId) {
    ReputationLedger total = new ReputationLedger();
    TreeMap<String, AgentDomainState> byDomain = agentDomains.get(agentId);
    if (byDomain != null) {
      for (AgentDomainState state : byDomain.values()) {
        total.add(state.getLedger());
      }
    }
    return total;
  }

  /**
   * Drops resolved propositions whose outcome was observed before {@code observedBefore}. Learned
   * reliabilities, base rates and ledgers keep what those propositions taught; what is lost is the
   * ability to re-score them on a correction or a late-arriving claim. Returns how many were dropped.
   */
  public int forgetResolvedBefore(long observedBefore) {
    int dropped = 0;
    Iterator<Map.Entry<String, PropositionState>> entries = propositions.entrySet().iterator();
    while (entries.hasNext()) {
      PropositionState proposition = entries.next().getValue();
      if (proposition.isResolved() && proposition.getObservedAt() < observedBefore) {
        entries.remove();
        dropped++;
      }
    }
    return dropped;
  }

  /** Number of propositions held (open and resolved, not forgotten). */
  public int propositionCount() {
    return propositions.size();
  }

  /** Serialized bytes of all proposition state held now (claims included). */
  public long propositionStateBytes() {
    long bytes = 0;
    for (PropositionState proposition : propositions.values()) {
      bytes += proposition.serializedBytes();
    }
    return bytes;
  }

  private record Evaluation(
      double[] logPrior,
      List<ClaimState> claims,
      double[][] logLikelihoods,
      double[] independence,
      double[] weights,
      double[] posterior) {}

  private Evaluation evaluate(PropositionState proposition) {
    List<ClaimState> claims = proposition.countedClaims();
    DomainState domain = domain(proposition.getDomain());
    double[] logPrior =
        domain.logBaseRate(proposition.getOutcomeCount(), parameters.consensusEvidenceWeight());
    double[][] logLikelihoods = logLikelihoods(proposition, claims, logPrior);
    double[] independence = independence(proposition, claims);
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

  private double[] independence(PropositionState proposition, List<ClaimState> claims) {
    double[] result = new double[claims.size()];
    for (int i = 0; i < claims.size(); i++) {
      result[i] =
          reliabilityModel.independence(
              claims.get(i), agentDomain(claims.get(i).getAgentId(), proposition.getDomain()));
    }
    return result;
  }

  private double[][] logLikelihoods(
      PropositionState proposition, List<ClaimState> claims, double[] logPrior) {
    DomainState domain = domain(proposition.getDomain());
    double[][] result = new double[claims.size()][];
    for (int i = 0; i < claims.size(); i++) {
      ClaimState claim = claims.get(i);
      result[i] =
          reliabilityModel.logLikelihood(
              claim,
              agentDomain(claim.getAgentId(), proposition.getDomain()),
              domain,
              proposition.getOutcomeCount(),
              logPrior);
    }
    return result;
  }

  /** Replaces every open hard-label claim's consensus credit with the current posterior. */
  private void refresh(PropositionState proposition) {
    if (proposition.isResolved()) {
      return;
    }
    double[] posterior = evaluate(proposition).posterior();
    int outcomeCount = proposition.getOutcomeCount();
    DomainState domain = domain(proposition.getDomain());
    for (ClaimState claim : proposition.getClaims()) {
      if (!claim.isHardLabel()) {
        continue;
      }
      withdrawConsensusCredit(proposition, claim);
      AgentDomainState agent = agentDomain(claim.getAgentId(), proposition.getDomain());
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
    int queued = refreshQueue.size();
    while (refreshed < parameters.refreshesPerEvent() && polled < queued) {
      String id = refreshQueue.pollFirst();
      polled++;
      PropositionState proposition = propositions.get(id);
      if (proposition == null || proposition.isResolved()) {
        continue;
      }
      refresh(proposition);
      refreshQueue.addLast(id);
      refreshed++;
    }
  }

  private void withdrawConsensusCredit(PropositionState proposition, ClaimState claim) {
    if (claim.getConsensusContribution() != null) {
      agentDomain(claim.getAgentId(), proposition.getDomain())
          .addConsensus(claim.getLabel(), claim.getConsensusContribution(), -1);
      claim.setConsensusContribution(null);
    }
  }

  private List<Settlement> score(PropositionState proposition) {
    List<ClaimState> claims = proposition.countedClaims();
    DomainState domain = domain(proposition.getDomain());
    double[] logPrior =
        domain.logBaseRate(proposition.getOutcomeCount(), parameters.consensusEvidenceWeight());
    double[][] logLikelihoods = logLikelihoods(proposition, claims, logPrior);
    List<AgentDomainState> claimants = new ArrayList<>(claims.size());
    for (ClaimState claim : claims) {
      claimants.add(agentDomain(claim.getAgentId(), proposition.getDomain()));
    }
    return scorer.score(
        proposition,
        claims,
        claimants,
        domain,
        logPrior,
        logLikelihoods,
        independence(proposition, claims));
  }

  private void unscore(PropositionState proposition) {
    List<AgentDomainState> claimants = new ArrayList<>();
    for (ClaimState claim : proposition.getClaims()) {
      claimants.add(agentDomain(claim.getAgentId(), proposition.getDomain()));
    }
    scorer.unscore(proposition, claimants, domain(proposition.getDomain()));
  }

  private AgentDomainState agentDomain(String agentId, String domainName) {
    return agentDomains
        .computeIfAbsent(agentId, id -> new TreeMap<>())
        .computeIfAbsent(domainName, name -> new AgentDomainState());
  }

  private DomainState domain(String name) {
    return domains.computeIfAbsent(name, n -> new DomainState());
  }
}
