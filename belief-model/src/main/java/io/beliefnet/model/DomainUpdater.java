package io.beliefnet.model;

import io.beliefnet.model.DomainUpdate.PublishedBelief;
import io.beliefnet.model.DomainUpdate.PublishedSettlement;
import io.beliefnet.model.Refusal.Reason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies a domain's input events with the bookkeeping that publishing needs, and says what to
 * publish: refuses duplicates, claims that name other outcomes or come after the outcome, outcomes
 * for unknown propositions or outcomes and corrections by another resolver; names outcomes; counts
 * belief versions; and keeps each proposition for a retention after its latest claim (open) or its
 * outcome (resolved). A streaming job calls it once per event over keyed state, and a replay over
 * memory, so the job's output is the replay's.
 *
 * <p>A re-stamped belief is published only if some probability moved by at least {@link
 * #PUBLISH_THRESHOLD}: smaller moves are not worth a record.
 */
public final class DomainUpdater {
  static final double PUBLISH_THRESHOLD = 1e-3;
  private static final String OUTCOME_ID = "outcome:";

  private final DomainNetwork network;
  private final DomainStore store;
  private final long openRetentionMillis;
  private final long resolvedRetentionMillis;

  /** Updates domain {@code name} over {@code store}, keeping propositions for the retentions. */
  public DomainUpdater(
      String name,
      ModelParameters parameters,
      DomainStore store,
      Duration openRetention,
      Duration resolvedRetention) {
    this.network = new DomainNetwork(name, parameters, store);
    this.store = store;
    this.openRetentionMillis = openRetention.toMillis();
    this.resolvedRetentionMillis = resolvedRetention.toMillis();
  }

  /** An updater over state in memory, for replays. */
  public static DomainUpdater inMemory(
      String name, ModelParameters parameters, Duration openRetention, Duration resolvedRetention) {
    return new DomainUpdater(
        name, parameters, new InMemoryDomainStore(), openRetention, resolvedRetention);
  }

  /** Applies a claim; on a refusal the store may hold half-made changes: do not keep them. */
  public DomainUpdate claim(ClaimInput input) {
    Claim claim = input.claim();
    String id = claim.proposition().id();
    PropositionState known = store.proposition(id).orElse(null);
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
    ClaimReceipt receipt;
    try {
      receipt = network.claim(claim, input.agent());
    } catch (IllegalArgumentException describesItDifferently) {
      return DomainUpdate.refused(Reason.INVALID_RECORD, describesItDifferently.getMessage());
    }
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
      return DomainUpdate.refused(
          Reason.CLOSED_PROPOSITION,
          "claim "
              + input.claimId()
              + " reached proposition "
              + id
              + " after its outcome"
              + " (claims are applied in the order of their Kafka timestamps): it carries no"
              + " weight and earns nothing; publish claims before the outcome");
    }
    PropositionState proposition = store.proposition(id).orElseThrow();
    if (known == null) {
      proposition.setOutcomeLabels(List.copyOf(input.outcomeLabels()));
    }
    proposition.setExpiresAt(
        Math.max(proposition.getExpiresAt(), input.appliedAt() + openRetentionMillis));
    proposition.getAppliedIds().put(input.claimId(), true);
    proposition.getClaimIdByAgent().put(claim.agentId(), input.claimId());
    return new DomainUpdate(
        Optional.empty(),
        published(proposition),
        List.of(),
        Optional.of(network.reliability(claim.agentId(), input.agent())),
        known == null ? Map.of(id, proposition.getExpiresAt()) : Map.of(),
        known == null ? 1 : 0);
  }

  /** Applies an outcome; on a refusal nothing was changed. */
  public DomainUpdate resolve(OutcomeInput input) {
    String id = input.propositionId();
    PropositionState proposition = store.proposition(id).orElse(null);
    if (proposition == null) {
      return DomainUpdate.refused(
          Reason.UNKNOWN_PROPOSITION,
          "outcome "
              + input.outcomeId()
              + " resolves "
              + id
              + ", which has no claims in domain "
              + input.domain()
              + " (or was resolved longer ago than the retention):"
              + " check the id and domain");
    }
    if (proposition.getAppliedIds().containsKey(OUTCOME_ID + input.outcomeId())) {
      return DomainUpdate.refused(
          Reason.DUPLICATE, "outcome " + input.outcomeId() + " was applied already");
    }
    boolean correction = proposition.getResolverId() != null;
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
    for (Settlement settlement : network.resolve(new Outcome(id, index, input.observedAt()))) {
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
        published(proposition),
        settlements,
        Optional.empty(),
        Map.of(id, proposition.getExpiresAt()),
        correction ? 0 : -1);
  }

  /**
   * Withdraws the claims {@code agentId} made at or after {@code since} on open propositions, as
   * when the key that signed them is revoked, and publishes the beliefs that moved.
   */
  public DomainUpdate withdraw(String agentId, long since) {
    network.withdrawClaims(agentId, since);
    return new DomainUpdate(
        Optional.empty(), published(null), List.of(), Optional.empty(), Map.of(), 0);
  }

  /**
   * Forgets a proposition whose expiry has come at {@code now}; if a claim moved it on since, says
   * when to look again instead.
   */
  public DomainUpdate expire(String propositionId, long now) {
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
   * The beliefs to publish: {@code event}'s proposition (if any), then every other one the event
   * moved by at least the threshold since it was last published.
   */
  private List<PublishedBelief> published(PropositionState event) {
    List<PublishedBelief> beliefs = new ArrayList<>();
    if (event != null) {
      beliefs.add(publish(event, network.belief(event.getId()).orElseThrow()));
    }
    for (String id : network.takeMoved()) {
      PropositionState proposition = store.proposition(id).orElse(null);
      if (proposition == null || proposition == event) {
        continue;
      }
      Belief belief = network.belief(id).orElseThrow();
      if (movedEnough(proposition.getLastPublished(), belief.distribution())) {
        beliefs.add(publish(proposition, belief));
      }
    }
    return beliefs;
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
