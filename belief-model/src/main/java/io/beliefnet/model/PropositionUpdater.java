package io.beliefnet.model;

import io.beliefnet.model.ClaimantModel.Restamp;
import io.beliefnet.model.DomainUpdate.PublishedBelief;
import io.beliefnet.model.DomainUpdate.PublishedSettlement;
import io.beliefnet.model.Refusal.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies the events of one proposition with the bookkeeping that publishing needs, and says what
 * to publish: refuses duplicates, claims that name other outcomes or come after the outcome,
 * outcomes for unknown propositions or outcomes and corrections by another resolver; names
 * outcomes; counts belief versions; and keeps each proposition for a retention after its latest
 * claim (open) or its outcome (resolved). It reads the domain's state and writes only the
 * proposition's; what the event teaches the claimants and the domain goes into a {@link
 * ModelFeedback}. A streaming job calls it under the key (domain, proposition), a replay for every
 * proposition of a domain, so the job's output is the replay's.
 *
 * <p>A re-stamped belief is published only if some probability moved by at least {@link
 * #PUBLISH_THRESHOLD}: smaller moves are not worth a record.
 */
public final class PropositionUpdater {
  static final double PUBLISH_THRESHOLD = 1e-3;
  private static final String OUTCOME_ID = "outcome:";

  private final PropositionModel model;
  private final PropositionPolicy policy;
  private final long openRetentionMillis;
  private final long resolvedRetentionMillis;

  public PropositionUpdater(ModelParameters parameters, PropositionPolicy policy) {
    this.model = new PropositionModel(parameters);
    this.policy = policy;
    this.openRetentionMillis = policy.openRetention().toMillis();
    this.resolvedRetentionMillis = policy.resolvedRetention().toMillis();
  }

  /**
   * Applies a claim its agent's side weighed ({@link ClaimantModel#weigh}); on a refusal the store
   * may hold half-made changes: do not keep them.
   */
  public DomainUpdate claim(
      ClaimInput input,
      ClaimState weighed,
      PropositionStore store,
      DomainState domain,
      ModelFeedback feedback) {
    Claim claim = input.claim();
    String id = claim.proposition().id();
    PropositionState known = store.proposition(id).orElse(null);
    if (known != null && resolvedBeforeAnyClaim(known)) {
      return closed(
          input,
          "resolver '"
              + known.getResolverId()
              + "' resolved it to '"
              + known.getOutcomeLabels().get(0)
              + "', before any claim on it");
    }
    if (known == null && !policy.mayOpen(input.agent())) {
      return DomainUpdate.refused(
          Reason.UNKNOWN_PROPOSITION,
          "claim "
              + input.claimId()
              + " is the first on proposition "
              + id
              + " in domain "
              + claim.proposition().domain()
              + ", and agent "
              + claim.agentId()
              + " of tier "
              + input.agent().tier()
              + " may not open one: a claim by an agent of tier "
              + policy.openerTier()
              + " or above opens it, fixing its outcomes and half-life;"
              + " claim again once its belief is published");
    }
    PropositionState proposition;
    try {
      proposition = PropositionModel.forClaim(known, claim.proposition());
    } catch (IllegalArgumentException describesItDifferently) {
      return DomainUpdate.refused(Reason.INVALID_RECORD, describesItDifferently.getMessage());
    }
    if (known != null && !known.getOutcomeLabels().equals(input.outcomeLabels())) {
      return DomainUpdate.refused(
          Reason.INVALID_RECORD,
          "claim "
              + input.claimId()
              + " lists outcomes "
              + input.outcomeLabels()
              + " but proposition "
              + id
              + " has "
              + known.getOutcomeLabels()
              + ": use the proposition's outcomes in their original order");
    }
    if (known != null && known.getAppliedIds().containsKey(input.claimId())) {
      return DomainUpdate.refused(
          Reason.DUPLICATE,
          "claim " + input.claimId() + " was applied already; give every claim a new id");
    }
    ClaimReceipt receipt = model.count(proposition, weighed, domain, feedback);
    if (receipt == ClaimReceipt.STALE) {
      return DomainUpdate.refused(
          Reason.SUPERSEDED,
          "claim "
              + input.claimId()
              + " is older than the claim agent "
              + claim.agentId()
              + " already has on "
              + id
              + ": only the newest claim counts");
    }
    if (receipt == ClaimReceipt.LATE) {
      return closed(
          input,
          "its outcome (claims are applied in the order of their Kafka timestamps); publish"
              + " claims before the outcome");
    }
    if (known == null) {
      proposition.setOutcomeLabels(List.copyOf(input.outcomeLabels()));
      store.addProposition(proposition);
    }
    proposition.setExpiresAt(
        Math.max(proposition.getExpiresAt(), input.appliedAt() + openRetentionMillis));
    proposition.getAppliedIds().put(input.claimId(), true);
    proposition.getClaimIdByAgent().put(claim.agentId(), input.claimId());
    return new DomainUpdate(
        Optional.empty(),
        receipt,
        List.of(publish(proposition, domain)),
        List.of(),
        List.of(),
        known == null ? Map.of(id, proposition.getExpiresAt()) : Map.of(),
        known == null ? 1 : 0);
  }

  /** The refusal of a claim that reached its proposition after {@code what} closed it. */
  private static DomainUpdate closed(ClaimInput input, String what) {
    return DomainUpdate.refused(
        Reason.CLOSED_PROPOSITION,
        "claim "
            + input.claimId()
            + " reached proposition "
            + input.claim().proposition().id()
            + " after "
            + what
            + ": it carries no weight and earns nothing");
  }

  /**
   * Applies an outcome; on a refusal nothing was changed. An outcome for a proposition nobody has
   * claimed on yet is kept for the resolved retention, closing the proposition to the claims that
   * follow it, as if it had come after claims.
   */
  public DomainUpdate resolve(
      OutcomeInput input, PropositionStore store, DomainState domain, ModelFeedback feedback) {
    String id = input.propositionId();
    PropositionState proposition = store.proposition(id).orElse(null);
    if (proposition != null
        && proposition.getAppliedIds().containsKey(OUTCOME_ID + input.outcomeId())) {
      return DomainUpdate.refused(
          Reason.DUPLICATE, "outcome " + input.outcomeId() + " was applied already");
    }
    boolean correction = proposition != null && proposition.getResolverId() != null;
    if (correction && !input.resolverId().equals(proposition.getResolverId())) {
      return DomainUpdate.refused(
          Reason.UNTRUSTED_RESOLVER,
          "outcome "
              + input.outcomeId()
              + " by resolver '"
              + input.resolverId()
              + "' would correct proposition "
              + id
              + ", which resolver '"
              + proposition.getResolverId()
              + "' resolved: only that resolver may correct it");
    }
    if (proposition == null || resolvedBeforeAnyClaim(proposition)) {
      return resolveBeforeAnyClaim(input, proposition, store);
    }
    int index = proposition.getOutcomeLabels().indexOf(input.outcome());
    if (index < 0) {
      return DomainUpdate.refused(
          Reason.UNKNOWN_OUTCOME,
          "outcome "
              + input.outcomeId()
              + " says '"
              + input.outcome()
              + "', not one of "
              + proposition.getOutcomeLabels()
              + " of proposition "
              + id);
    }
    List<PublishedSettlement> settlements = new ArrayList<>();
    for (Settlement settlement :
        model.resolve(proposition, new Outcome(id, index, input.observedAt()), domain, feedback)) {
      settlements.add(
          new PublishedSettlement(
              settlement,
              proposition.getClaimIdByAgent().get(settlement.agentId()),
              input.outcome(),
              correction));
    }
    proposition.getAppliedIds().put(OUTCOME_ID + input.outcomeId(), true);
    proposition.setResolverId(input.resolverId());
    proposition.setExpiresAt(input.appliedAt() + resolvedRetentionMillis);
    return new DomainUpdate(
        Optional.empty(),
        null,
        List.of(publish(proposition, domain)),
        settlements,
        List.of(),
        Map.of(id, proposition.getExpiresAt()),
        correction ? 0 : -1);
  }

  /**
   * Keeps {@code input}, an outcome of a proposition without claims, as its resolution: no spec, no
   * belief, its one label the outcome's. A correction replaces it.
   */
  private DomainUpdate resolveBeforeAnyClaim(
      OutcomeInput input, PropositionState held, PropositionStore store) {
    PropositionState proposition = held;
    if (proposition == null) {
      proposition = new PropositionState();
      proposition.setId(input.propositionId());
      proposition.setDomain(input.domain());
      proposition.setOutcome(0);
      proposition.setResolverId(input.resolverId());
      store.addProposition(proposition);
    }
    proposition.setOutcomeLabels(List.of(input.outcome()));
    proposition.setObservedAt(input.observedAt());
    proposition.getAppliedIds().put(OUTCOME_ID + input.outcomeId(), true);
    proposition.setExpiresAt(input.appliedAt() + resolvedRetentionMillis);
    return DomainUpdate.expired(Map.of(input.propositionId(), proposition.getExpiresAt()), 0);
  }

  /** True for an outcome kept before any claim: a proposition with no outcomes of its own. */
  private static boolean resolvedBeforeAnyClaim(PropositionState proposition) {
    return proposition.getOutcomeCount() == 0;
  }

  /**
   * Gives {@code agentId}'s open claim on the proposition a new stamp, and publishes the belief if
   * it moved by at least the threshold. If the agent holds no open claim there, it is told so.
   */
  public DomainUpdate restamp(
      String agentId,
      Restamp restamp,
      PropositionStore store,
      DomainState domain,
      ModelFeedback feedback) {
    PropositionState proposition = store.proposition(restamp.propositionId()).orElse(null);
    if (proposition == null) {
      feedback.forgotten(agentId, restamp.propositionId());
      return DomainUpdate.NOTHING;
    }
    model.restamp(proposition, agentId, restamp.stamp(), restamp.fromOutcomes(), domain, feedback);
    return republished(proposition, domain);
  }

  /**
   * Withdraws {@code agentId}'s open claim on the proposition if it was made at or after {@code
   * since}, as when the key that signed it is revoked, and publishes the belief if it moved.
   */
  public DomainUpdate withdraw(
      String agentId,
      String propositionId,
      long since,
      PropositionStore store,
      DomainState domain,
      ModelFeedback feedback) {
    PropositionState proposition = store.proposition(propositionId).orElse(null);
    if (proposition == null || !model.withdraw(proposition, agentId, since, domain, feedback)) {
      return DomainUpdate.NOTHING;
    }
    return republished(proposition, domain);
  }

  /**
   * Forgets a proposition whose expiry has come at {@code now}; if a claim moved it on since, says
   * when to look again instead.
   */
  public DomainUpdate expire(String propositionId, long now, PropositionStore store) {
    PropositionState proposition = store.proposition(propositionId).orElse(null);
    if (proposition == null) {
      return DomainUpdate.expired(Map.of(), 0); // forgotten at an earlier expiry
    }
    if (proposition.getExpiresAt() > now) {
      return DomainUpdate.expired(Map.of(propositionId, proposition.getExpiresAt()), 0);
    }
    store.removeProposition(propositionId);
    return DomainUpdate.expired(Map.of(), proposition.isResolved() ? 0 : -1);
  }

  /**
   * Up to {@code limit} agents among {@code candidates} to ask for a claim on the proposition that
   * {@code belief}, just published, is about, if it is open ({@link EvidencePlanner#plan}); none
   * for a resolved or unknown one.
   */
  public List<EvidencePlanner.Ask> evidenceWanted(
      Belief belief,
      PropositionStore store,
      List<EvidencePlanner.Candidate> candidates,
      int limit) {
    PropositionState proposition = store.proposition(belief.propositionId()).orElse(null);
    if (proposition == null || proposition.isResolved() || candidates.isEmpty() || limit <= 0) {
      return List.of();
    }
    return EvidencePlanner.plan(belief.distribution(), proposition.getClaims(), candidates, limit);
  }

  /** The current belief about a proposition, if any claim on it was seen and it is held. */
  public Optional<Belief> belief(String propositionId, PropositionStore store, DomainState domain) {
    return store
        .proposition(propositionId)
        .filter(proposition -> !resolvedBeforeAnyClaim(proposition))
        .map(proposition -> model.belief(proposition, domain));
  }

  /** The proposition's belief, published if it moved by at least the threshold since last time. */
  private DomainUpdate republished(PropositionState proposition, DomainState domain) {
    Belief belief = model.belief(proposition, domain);
    if (!movedEnough(proposition.getLastPublished(), belief.distribution())) {
      return DomainUpdate.NOTHING;
    }
    return new DomainUpdate(
        Optional.empty(),
        null,
        List.of(publish(proposition, belief)),
        List.of(),
        List.of(),
        Map.of(),
        0);
  }

  private PublishedBelief publish(PropositionState proposition, DomainState domain) {
    return publish(proposition, model.belief(proposition, domain));
  }

  private static PublishedBelief publish(PropositionState proposition, Belief belief) {
    proposition.setVersion(proposition.getVersion() + 1);
    proposition.setLastPublished(belief.distribution());
    return new PublishedBelief(belief, proposition.getOutcomeLabels(), proposition.getVersion());
  }

  private static boolean movedEnough(double[] before, double[] now) {
    if (before.length != now.length) {
      return true;
    }
    for (int k = 0; k < now.length; k++) {
      if (Math.abs(now[k] - before[k]) >= PUBLISH_THRESHOLD) {
        return true;
      }
    }
    return false;
  }
}
