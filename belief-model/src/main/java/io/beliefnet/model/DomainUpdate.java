package io.beliefnet.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What applying one input event to a domain gives: either a refusal, or what to publish and what to
 * expire.
 *
 * @param refusal why the event was not applied; empty when it was
 * @param beliefs the beliefs to publish, the event's proposition first
 * @param settlements the settlements an outcome made, each with the claim it settles
 * @param reliability the claimant's reliability after a claim
 * @param expiries propositions whose expiry must be looked at, at the given time
 * @param openChange how the number of open propositions changed
 */
public record DomainUpdate(
    Optional<Refusal> refusal,
    List<PublishedBelief> beliefs,
    List<PublishedSettlement> settlements,
    Optional<Reliability> reliability,
    Map<String, Long> expiries,
    int openChange) {

  /** A belief with the outcome names and the version it is published under. */
  public record PublishedBelief(Belief belief, List<String> outcomeLabels, long version) {}

  /** A settlement with the id of the claim it settles and the outcome's name. */
  public record PublishedSettlement(
      Settlement settlement, String claimId, String outcome, boolean correction) {}

  /** An expiry: nothing published, perhaps a time to look again, perhaps one fewer open. */
  static DomainUpdate expired(Map<String, Long> expiries, int openChange) {
    return new DomainUpdate(
        Optional.empty(), List.of(), List.of(), Optional.empty(), expiries, openChange);
  }

  static DomainUpdate refused(Refusal.Reason reason, String message) {
    return new DomainUpdate(
        Optional.of(new Refusal(reason, message)),
        List.of(),
        List.of(),
        Optional.empty(),
        Map.of(),
        0);
  }
}
