package io.beliefnet.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What applying one input event gives: either a refusal, or what to publish and what to expire.
 *
 * @param refusal why the event was not applied; empty when it was
 * @param receipt how a claim was counted; null for other events and refusals
 * @param beliefs the beliefs to publish, the event's proposition first
 * @param settlements the settlements an outcome made, each with the claim it settles
 * @param reliabilities the reliabilities of agents whose learned state changed, in that order
 * @param expiries propositions whose expiry must be looked at, at the given time
 * @param openChange how the number of open propositions changed
 */
public record DomainUpdate(
    Optional<Refusal> refusal,
    ClaimReceipt receipt,
    List<PublishedBelief> beliefs,
    List<PublishedSettlement> settlements,
    List<Reliability> reliabilities,
    Map<String, Long> expiries,
    int openChange) {

  /** Nothing to publish, nothing to expire. */
  public static final DomainUpdate NOTHING = expired(Map.of(), 0);

  /** A belief with the outcome names and the version it is published under. */
  public record PublishedBelief(Belief belief, List<String> outcomeLabels, long version) {}

  /** A settlement with the id of the claim it settles and the outcome's name. */
  public record PublishedSettlement(
      Settlement settlement, String claimId, String outcome, boolean correction) {}

  /** An expiry: nothing published, perhaps a time to look again, perhaps one fewer open. */
  static DomainUpdate expired(Map<String, Long> expiries, int openChange) {
    return new DomainUpdate(
        Optional.empty(), null, List.of(), List.of(), List.of(), expiries, openChange);
  }

  static DomainUpdate refused(Refusal.Reason reason, String message) {
    return new DomainUpdate(
        Optional.of(new Refusal(reason, message)),
        null,
        List.of(),
        List.of(),
        List.of(),
        Map.of(),
        0);
  }

  /** This update followed by what {@code later} publishes, as one update of the same event. */
  DomainUpdate then(DomainUpdate later) {
    return new DomainUpdate(
        refusal,
        receipt,
        joined(beliefs, later.beliefs),
        joined(settlements, later.settlements),
        joined(reliabilities, later.reliabilities),
        joined(expiries, later.expiries),
        openChange + later.openChange);
  }

  private static <T> List<T> joined(List<T> first, List<T> second) {
    if (second.isEmpty()) {
      return first;
    }
    List<T> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  private static Map<String, Long> joined(Map<String, Long> first, Map<String, Long> second) {
    if (second.isEmpty()) {
      return first;
    }
    Map<String, Long> all = new HashMap<>(first);
    all.putAll(second);
    return all;
  }
}
