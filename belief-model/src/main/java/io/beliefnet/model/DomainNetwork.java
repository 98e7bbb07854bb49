package io.beliefnet.model;

import java.util.ArrayDeque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The belief network of one domain over a {@link DomainStore}: applies claims and outcomes in the
 * order given and answers for beliefs and reliabilities. It wires three kinds of state that a
 * scaled-out job keeps under three kinds of key, and talks to each only through the messages such a
 * job sends:
 *
 * <ul>
 *   <li>per proposition, a {@link PropositionModel}: its stamped claims, belief and scoring;
 *   <li>per agent, an {@link AgentDomainState} and its {@link AgentOpenClaims}: a claim is stamped
 *       with the agent's reliability when it arrives ({@link ClaimantStamp}), and after each change
 *       to what is learned about the agent the next {@link ModelParameters#refreshesPerChange()} of
 *       its open claims, round-robin, are stamped again if the stamp moved by more than {@link
 *       ModelParameters#restampTolerance()};
 *   <li>per domain, a {@link DomainState}: base rate, population calibration and pooling.
 * </ul>
 *
 * <p>What a proposition teaches its claimants and the domain comes back as a {@link ModelFeedback}
 * of additive deltas. Here every delta is applied, and every re-stamp it causes is carried out,
 * before the next event, in the order the deltas were made, so the same events in the same order
 * give the same bits. The loop has at most two turns: a re-stamp moves a belief but credits the
 * consensus only with what outcomes taught (see {@link PropositionModel#restamp}), so an event
 * costs one proposition's claims, {@code refreshesPerChange} re-stamps per claimant, and after an
 * outcome those re-stamps' own claimants' re-stamps.
 *
 * <p>Stake: an agent's settlement losses in this domain are deducted from the stake that backs its
 * claims here, so a staked liar that has lost its stake is capped like any unstaked identity.
 */
public final class DomainNetwork {
  private final ModelParameters parameters;
  private final ReliabilityModel reliabilityModel;
  private final PropositionModel propositionModel;
  private final String name;
  private final DomainStore store;
  private final Set<String> moved = new LinkedHashSet<>();

  /** The network of domain {@code name}, with its state in {@code store}. */
  public DomainNetwork(String name, ModelParameters parameters, DomainStore store) {
    this.name = name;
    this.parameters = parameters;
    this.reliabilityModel = new ReliabilityModel(parameters);
    this.propositionModel = new PropositionModel(parameters);
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
    } else {
      proposition.requireMatches(spec);
    }
    if (proposition.isResolved()) {
      return ClaimReceipt.LATE;
    }
    ClaimState previous = proposition.claimBy(claim.agentId());
    if (previous != null && previous.getEventTime() > claim.eventTime()) {
      return ClaimReceipt.STALE;
    }
    ClaimState counted = ClaimState.of(claim, stakedOn(claim, agent), proposition.takeSequence());
    OpenClaim open = OpenClaim.of(spec.id(), proposition.getOutcomeCount(), counted);
    ClaimantStamp stamp = stamp(store.agent(claim.agentId()), open);
    counted.setStamp(stamp);
    open.setStamp(stamp);
    ModelFeedback feedback = new ModelFeedback();
    // the claim's impact is measured with the reliabilities it met, before anyone learns from it
    propositionModel.claim(proposition, previous, counted, store.domain(), feedback);
    openClaims(claim.agentId()).put(open);
    apply(feedback);
    return previous == null ? ClaimReceipt.COUNTED : ClaimReceipt.REPLACED;
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
          "outcome "
              + outcome.outcome()
              + " for proposition "
              + outcome.propositionId()
              + " is out of range: it has "
              + proposition.getOutcomeCount()
              + " outcomes (0.."
              + (proposition.getOutcomeCount() - 1)
              + ")");
    }
    ModelFeedback withdrawn = new ModelFeedback();
    propositionModel.withdrawCredit(proposition, withdrawn);
    apply(withdrawn);
    for (ClaimState claim : proposition.getClaims()) {
      OpenClaim open = OpenClaim.of(proposition.getId(), proposition.getOutcomeCount(), claim);
      claim.setStamp(stamp(store.agent(claim.getAgentId()), open));
    }
    ModelFeedback scored = new ModelFeedback();
    List<Settlement> settlements =
        propositionModel.resolve(proposition, outcome, store.domain(), scored);
    apply(scored);
    return settlements;
  }

  /**
   * Withdraws the standing claims {@code agentId} made at or after {@code since} on open
   * propositions, as when the key that signed them is revoked: they stop counting, their consensus
   * credit is taken back, and the beliefs they touched are re-evaluated. Resolved propositions keep
   * their settlements. Reads each of the agent's open claims once, so it is for rare events.
   */
  public void withdrawClaims(String agentId, long since) {
    ModelFeedback feedback = new ModelFeedback();
    for (OpenClaim openClaim : openClaims(agentId).all()) {
      PropositionState proposition = store.proposition(openClaim.getPropositionId()).orElse(null);
      ClaimState claim = proposition == null ? null : proposition.claimBy(agentId);
      if (claim != null && !proposition.isResolved() && claim.getEventTime() >= since) {
        propositionModel.withdraw(proposition, claim, store.domain(), feedback);
        moved.add(proposition.getId());
      }
    }
    apply(feedback);
  }

  /**
   * The propositions whose beliefs events moved besides their own since the last call (claims
   * re-stamped or withdrawn), in that order.
   */
  Set<String> takeMoved() {
    Set<String> taken = new LinkedHashSet<>(moved);
    moved.clear();
    return taken;
  }

  /** The current belief about a proposition, if any claim on it was seen and it is held. */
  public Optional<Belief> belief(String propositionId) {
    return store
        .proposition(propositionId)
        .map(proposition -> propositionModel.belief(proposition, store.domain()));
  }

  /** What is learned about an agent in this domain; the prior if it never claimed here. */
  public Reliability reliability(String agentId, AgentProfile profile) {
    return reliabilityModel.describe(
        agentId, name, staked(profile), store.agent(agentId), store.domain());
  }

  /**
   * The agent with what it lost in this domain deducted from its stake, and a stake below the
   * minimum counted as none. Slashing is per domain, so that each domain's results depend on its
   * own events only.
   */
  private AgentProfile staked(AgentProfile agent) {
    AgentProfile slashed =
        agent.afterSettlement(store.agent(agent.id()).getLedger().getSettlementTotal());
    return slashed.stake() < parameters.minimumStake()
        ? new AgentProfile(agent.id(), agent.controller(), agent.tier(), 0)
        : slashed;
  }

  /**
   * The agent as {@code claim} is weighed: a claim that puts a stake of its own at risk, less than
   * the agent has left, is weighed by that stake, so the lift of the prior and the escape from the
   * influence cap are bought by what this claim can lose, and a stake below the minimum buys
   * nothing however much the agent registered.
   */
  private AgentProfile stakedOn(Claim claim, AgentProfile agent) {
    AgentProfile staked = staked(agent);
    if (claim.stake() == 0 || claim.stake() >= staked.stake()) {
      return staked;
    }
    double atRisk = claim.stake() < parameters.minimumStake() ? 0 : claim.stake();
    return new AgentProfile(agent.id(), agent.controller(), agent.tier(), atRisk);
  }

  private AgentOpenClaims openClaims(String agentId) {
    return new AgentOpenClaims(store.openClaims(agentId));
  }

  private ClaimantStamp stamp(AgentDomainState agent, OpenClaim claim) {
    return reliabilityModel.stamp(
        agent,
        store.domain(),
        claim.getPriorTier(),
        claim.isInfluenceCapped(),
        claim.getLabel(),
        claim.getOutcomeCount());
  }

  /**
   * Applies what a proposition taught and what it causes, oldest first: the domain's delta, then
   * each agent's delta followed by new stamps for the agent's next open claims. Only stamps moved
   * by outcomes re-credit the consensus, and what that credits is consensus alone, so this ends
   * after at most two turns.
   */
  private void apply(ModelFeedback first) {
    ArrayDeque<ModelFeedback> queue = new ArrayDeque<>();
    queue.add(first);
    while (!queue.isEmpty()) {
      ModelFeedback feedback = queue.poll();
      ModelFeedback caused = new ModelFeedback();
      store.domain().add(feedback.domain());
      for (Map.Entry<String, AgentDomainState> delta : feedback.agents().entrySet()) {
        String agentId = delta.getKey();
        AgentDomainState agent = store.agent(agentId);
        agent.add(delta.getValue());
        AgentOpenClaims open = openClaims(agentId);
        feedback.closedClaims(agentId).forEach(open::remove);
        restamp(agentId, agent, open, delta.getValue().learnedFromOutcomes(), caused);
      }
      if (!caused.isEmpty()) {
        queue.add(caused);
      }
    }
  }

  /** Stamps the agent's next open claims again and sends the stamps that moved. */
  private void restamp(
      String agentId,
      AgentDomainState agent,
      AgentOpenClaims open,
      boolean fromOutcomes,
      ModelFeedback feedback) {
    for (OpenClaim claim : open.next(parameters.refreshesPerChange())) {
      ClaimantStamp stamp = stamp(agent, claim);
      if (!stamp.movedFrom(claim.getStamp(), parameters.restampTolerance())) {
        continue;
      }
      PropositionState proposition = store.proposition(claim.getPropositionId()).orElse(null);
      if (proposition != null
          && propositionModel.restamp(
              proposition, agentId, stamp, fromOutcomes, store.domain(), feedback)) {
        claim.setStamp(stamp);
        open.restamped(claim);
        moved.add(claim.getPropositionId());
      } else {
        open.remove(claim.getPropositionId()); // resolved or forgotten since
      }
    }
  }
}
