package io.beliefnet.pipeline;

import io.beliefnet.avro.AgentIdentity;
import io.beliefnet.avro.Claim;
import io.beliefnet.avro.Outcome;
import io.beliefnet.avro.Rejected;
import java.util.Comparator;

/**
 * One input record with where it came from: exactly one of {@link #agent}, {@link #claim}, {@link
 * #outcome} and {@link #rejection} (the dead letter of a record that could not be decoded) is set,
 * except that a claim leaving the identity stage also carries its agent's identity, and a
 * revocation (the identity stage's notice to one domain that an agent's key was revoked) carries
 * the revoked identity and {@link #revokedIn}. The raw record stays attached so that a rejection
 * downstream can still return the original bytes. A Flink POJO.
 */
public class InputEvent {

  /**
   * The order in which events with one key are applied: event time (the Kafka record timestamp),
   * then registrations before claims before outcomes, then partition and offset. It depends only on
   * the input, so the same input gives the same order however the partitions interleave.
   */
  public static final Comparator<InputEvent> APPLY_ORDER =
      Comparator.<InputEvent>comparingLong(e -> e.source.timestamp)
          .thenComparingInt(InputEvent::kindRank)
          .thenComparingInt(e -> e.source.partition)
          .thenComparingLong(e -> e.source.offset);

  public KafkaInput source;
  public AgentIdentity agent;
  public Claim claim;
  public Outcome outcome;

  /** The domain a revocation is addressed to; null for every other event. */
  public String revokedIn;

  /** The dead letter of a record that did not decode or broke its contract. */
  public Rejected rejection;

  public InputEvent() {}

  public static InputEvent ofAgent(KafkaInput source, AgentIdentity agent) {
    InputEvent event = new InputEvent();
    event.source = source;
    event.agent = agent;
    return event;
  }

  public static InputEvent ofClaim(KafkaInput source, Claim claim) {
    InputEvent event = new InputEvent();
    event.source = source;
    event.claim = claim;
    return event;
  }

  public static InputEvent ofOutcome(KafkaInput source, Outcome outcome) {
    InputEvent event = new InputEvent();
    event.source = source;
    event.outcome = outcome;
    return event;
  }

  /** A record that was refused at decoding, with its dead letter. */
  public static InputEvent rejected(KafkaInput source, Rejected rejection) {
    InputEvent event = new InputEvent();
    event.source = source;
    event.rejection = rejection;
    return event;
  }

  /**
   * Tells {@code domain} that the key in {@code revoked} (registered at its {@code registeredAt})
   * is revoked, so the claims it signed there stop counting.
   */
  public static InputEvent revocation(KafkaInput source, AgentIdentity revoked, String domain) {
    InputEvent event = ofAgent(source, revoked);
    event.revokedIn = domain;
    return event;
  }

  /** The claim stamped with the identity of the agent that made it. */
  public InputEvent stampedWith(AgentIdentity identity) {
    InputEvent stamped = ofClaim(source, claim);
    stamped.agent = identity;
    return stamped;
  }

  /** The id of the agent the event comes from: the registered agent, claimant or resolver. */
  public String agentId() {
    if (isClaim()) {
      return claim.getAgentId();
    }
    return isOutcome() ? outcome.getResolverId() : agent.getAgentId();
  }

  /** The domain of a claim, outcome or revocation. */
  public String domain() {
    if (isClaim()) {
      return claim.getDomain();
    }
    return isOutcome() ? outcome.getDomain() : revokedIn;
  }

  public boolean isClaim() {
    return claim != null;
  }

  public boolean isOutcome() {
    return outcome != null;
  }

  public boolean isRegistration() {
    return agent != null && claim == null && revokedIn == null;
  }

  public boolean isRejected() {
    return rejection != null;
  }

  public boolean isRevocation() {
    return revokedIn != null;
  }

  /** Registrations and revocations, then claims, then outcomes. */
  private int kindRank() {
    return isClaim() ? 1 : isOutcome() ? 2 : 0;
  }

  @Override
  public String toString() {
    String kind =
        isClaim()
            ? "claim"
            : isOutcome()
                ? "outcome"
                : isRevocation() ? "revocation" : isRejected() ? "rejected record" : "registration";
    return kind + "@" + source.position();
  }
}
