package io.beliefnet.model;

import io.beliefnet.model.ModelFeedback.AgentFeedback;
import io.beliefnet.model.ModelFeedback.OpenClaimChange;
import java.util.ArrayList;
import java.util.List;

/**
 * One agent's side of a domain: weighs the agent's claims with what is learned about it, learns
 * what propositions teach it ({@link ModelFeedback}), and stamps its open claims again when that
 * moved their weight. It reads the agent's state in the domain, its open claims and the domain's
 * state, and writes only the agent's, so a streaming job keeps it under the key (agent, domain).
 *
 * <p>Stake: the agent's settlement losses in the domain are deducted from the stake that backs its
 * claims there, so a staked liar that has lost its stake is capped like any unstaked identity.
 * Slashing is per domain, so that each domain's results depend on its own events only.
 */
public final class ClaimantModel {
  private final ModelParameters parameters;
  private final ReliabilityModel reliabilityModel;

  public ClaimantModel(ModelParameters parameters) {
    this.parameters = parameters;
    this.reliabilityModel = new ReliabilityModel(parameters);
  }

  /**
   * A new stamp for the agent's open claim on a proposition.
   *
   * @param fromOutcomes true when it carries what outcomes taught, which the proposition passes on
   *     to the consensus (see {@link PropositionModel#restamp})
   */
  public record Restamp(String propositionId, ClaimantStamp stamp, boolean fromOutcomes) {}

  /**
   * The claim as a proposition counts it: stamped with what is learned about the agent now and
   * weighed by the stake it puts at risk; its proposition numbers it. Until the proposition says
   * the claim is open ({@link ModelFeedback}), it is remembered among the agent's open claims
   * unless one on the same proposition already is, so that a revocation reaches claims still on
   * their way. One the proposition refused is forgotten when a re-stamp finds no claim there.
   */
  public ClaimState weigh(
      Claim claim,
      AgentProfile agent,
      AgentDomainState state,
      OpenClaimSlots slots,
      DomainState domain) {
    ClaimState counted = ClaimState.of(claim, stakedOn(claim, agent, state), 0);
    PropositionSpec spec = claim.proposition();
    OpenClaim open = OpenClaim.of(spec.id(), spec.outcomeCount(), counted);
    counted.setStamp(stamp(state, domain, open));
    open.setStamp(counted.getStamp());
    new AgentOpenClaims(slots).putIfAbsent(open);
    return counted;
  }

  /**
   * Applies what the agent is told: its open-claim changes in order, then its delta. True if what
   * is learned about the agent changed: a delta, or its confusion matrix grown to the outcomes of a
   * new hard-label claim, so that its reliability reads over them before anything is learned there.
   *
   * <p>Whatever the agent is told, a round of re-stamps is due after it: a change to what is
   * learned moves the stamps of its open claims, and a claim opened or closed means the agent is
   * active, and its older claims are brought up to date with what was learned before, as far as
   * earlier rounds did not reach. A claim alone on its proposition teaches its agent nothing (see
   * {@link PropositionModel}), so without that an agent who answers questions nobody else answered
   * yet would leave its older stamps stale.
   */
  public boolean apply(AgentFeedback told, AgentDomainState state, OpenClaimSlots slots) {
    AgentOpenClaims open = new AgentOpenClaims(slots);
    int matrixSize = state.getMatrixSize();
    for (OpenClaimChange change : told.openClaimChanges()) {
      OpenClaim opened = change.opened();
      if (opened != null) {
        open.put(opened);
        if (opened.getLabel() >= 0) {
          state.ensureOutcomes(opened.getOutcomeCount());
        }
      } else {
        open.remove(change.propositionId());
      }
    }
    if (told.delta() != null) {
      state.add(told.delta());
    }
    return told.delta() != null || state.getMatrixSize() != matrixSize;
  }

  /**
   * After the agent was told anything (see {@link #apply}): the next {@link
   * ModelParameters#refreshesPerChange()} open claims round-robin are stamped again, and those
   * whose stamp moved by more than {@link ModelParameters#restampTolerance()} are returned, to be
   * sent to their propositions; {@code fromOutcomes} if an outcome taught part of the change.
   */
  public List<Restamp> restamp(
      AgentDomainState state, OpenClaimSlots slots, DomainState domain, boolean fromOutcomes) {
    AgentOpenClaims open = new AgentOpenClaims(slots);
    List<Restamp> restamps = new ArrayList<>();
    for (OpenClaim claim : open.next(parameters.refreshesPerChange())) {
      ClaimantStamp stamp = stamp(state, domain, claim);
      if (stamp.movedFrom(claim.getStamp(), parameters.restampTolerance())) {
        claim.setStamp(stamp);
        open.restamped(claim);
        restamps.add(new Restamp(claim.getPropositionId(), stamp, fromOutcomes));
      }
    }
    return restamps;
  }

  /**
   * The propositions the agent holds open claims on, oldest first; reads them all (rare events).
   */
  public List<String> openPropositions(OpenClaimSlots slots) {
    return new AgentOpenClaims(slots).all().stream().map(OpenClaim::getPropositionId).toList();
  }

  /** What is learned about the agent in domain {@code domainName}, for publishing. */
  public Reliability reliability(
      String agentId,
      String domainName,
      AgentProfile profile,
      AgentDomainState state,
      DomainState domain) {
    return reliabilityModel.describe(agentId, domainName, staked(profile, state), state, domain);
  }

  /** The agent with what it lost in this domain deducted, and a stake below the minimum as none. */
  private AgentProfile staked(AgentProfile agent, AgentDomainState state) {
    AgentProfile slashed = agent.afterSettlement(state.getLedger().getSettlementTotal());
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
  private AgentProfile stakedOn(Claim claim, AgentProfile agent, AgentDomainState state) {
    AgentProfile staked = staked(agent, state);
    if (claim.stake() == 0 || claim.stake() >= staked.stake()) {
      return staked;
    }
    double atRisk = claim.stake() < parameters.minimumStake() ? 0 : claim.stake();
    return new AgentProfile(agent.id(), agent.controller(), agent.tier(), atRisk);
  }

  private ClaimantStamp stamp(AgentDomainState state, DomainState domain, OpenClaim claim) {
    return reliabilityModel.stamp(
        state,
        domain,
        claim.getPriorTier(),
        claim.isInfluenceCapped(),
        claim.getLabel(),
        claim.getOutcomeCount());
  }
}
