package io.beliefnet.pipeline;

import io.beliefnet.avro.AgentIdentity;
import io.beliefnet.avro.Claim;
import io.beliefnet.avro.Feedback;
import io.beliefnet.avro.Outcome;
import io.beliefnet.avro.Rejected;
import io.beliefnet.model.ClaimState;
import java.nio.ByteBuffer;
import java.util.Comparator;
import org.apache.flink.api.java.tuple.Tuple2;

/**
 * One record with where it came from: exactly one of {@link #agent}, {@link #claim}, {@link
 * #outcome}, {@link #feedback}, {@link #notice} and {@link #rejection} (the dead letter of a record
 * that could not be decoded) is set, except that a claim leaving the identity stage also carries
 * its agent's identity (and leaving the claimant stage, the claim as weighed), and a revocation
 * (the identity stage's notice to one domain that an agent's key was revoked) carries the revoked
 * identity and {@link #revokedIn}. The raw record stays attached so that a rejection downstream can
 * still return the original bytes. A Flink POJO.
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

  /** The public key of an identity past the identity stage: none (see withoutCredentials). */
  private static final ByteBuffer NO_KEY = ByteBuffer.allocate(0);

  public KafkaInput source;
  public AgentIdentity agent;
  public Claim claim;
  public Outcome outcome;

  /** The domain a revocation is addressed to; null for every other event. */
  public String revokedIn;

  /** The dead letter of a record that did not decode or broke its contract. */
  public Rejected rejection;

  /** What propositions taught an agent or a domain, read back from the feedback topic. */
  public Feedback feedback;

  /** A claim as its agent's side weighed it, on its way to its proposition. */
  public ClaimState weighed;

  /** An agent's side's notice to a proposition: a new stamp or a withdrawal. */
  public ClaimantNotice notice;

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
    InputEvent event = ofAgent(source, withoutCredentials(revoked));
    event.revokedIn = domain;
    return event;
  }

  /** A record of the feedback topic. */
  public static InputEvent ofFeedback(KafkaInput source, Feedback feedback) {
    InputEvent event = new InputEvent();
    event.source = source;
    event.feedback = feedback;
    return event;
  }

  /** A notice to a proposition, sent while handling {@code cause}. */
  static InputEvent ofNotice(KafkaInput cause, ClaimantNotice notice) {
    InputEvent event = new InputEvent();
    event.source = cause;
    event.notice = notice;
    return event;
  }

  /** This claim as its agent's side weighed it. */
  InputEvent weighedAs(ClaimState claim) {
    InputEvent weighed = stampedWith(agent);
    weighed.weighed = claim;
    return weighed;
  }

  /**
   * The claim, whose signature has verified, stamped with the identity of the agent that made it,
   * and without its signature and batch proof: they are still in the raw record, and no stage after
   * the identity stage reads them, so they need not cross two more shuffles.
   */
  InputEvent admittedAs(AgentIdentity signer) {
    claim.setSignature(null);
    claim.setBatch(null);
    return stampedWith(withoutCredentials(signer));
  }

  /**
   * {@code identity} without its public key and its authority's signature, which only the identity
   * stage checks: the stages after it read the profile (tier, controller, stake) and the time of
   * registration, and a claim carries its identity across two shuffles and into the claimant
   * stage's state, where the credentials were most of its bytes.
   */
  static AgentIdentity withoutCredentials(AgentIdentity identity) {
    return new AgentIdentity(
        identity.getAgentId(),
        NO_KEY,
        identity.getTier(),
        identity.getController(),
        identity.getStake(),
        identity.getRegisteredAt(),
        identity.getRevoked(),
        null,
        null);
  }

  /** The claim stamped with the identity of the agent that made it. */
  public InputEvent stampedWith(AgentIdentity identity) {
    InputEvent stamped = ofClaim(source, claim);
    stamped.agent = identity;
    return stamped;
  }

  /**
   * The id of the agent the event comes from or is about: the registered agent, claimant, resolver,
   * or the agent a feedback or notice is about.
   */
  public String agentId() {
    if (isClaim()) {
      return claim.getAgentId();
    }
    if (isOutcome()) {
      return outcome.getResolverId();
    }
    if (isFeedback()) {
      return feedback.getAgentId();
    }
    return isNotice() ? notice.agentId : agent.getAgentId();
  }

  /** The domain of a claim, outcome, revocation, feedback or notice. */
  public String domain() {
    if (isClaim()) {
      return claim.getDomain();
    }
    if (isOutcome()) {
      return outcome.getDomain();
    }
    if (isFeedback()) {
      return feedback.getDomain();
    }
    return isNotice() ? notice.domain : revokedIn;
  }

  /** The key of the claimant stage: (agent, domain). */
  public Tuple2<String, String> claimantKey() {
    return Tuple2.of(agentId(), domain());
  }

  /** The key of the proposition stage: (domain, proposition id). */
  public Tuple2<String, String> propositionKey() {
    String proposition =
        isClaim()
            ? claim.getPropositionId()
            : isOutcome() ? outcome.getPropositionId() : notice.propositionId;
    return Tuple2.of(domain(), proposition);
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

  public boolean isFeedback() {
    return feedback != null;
  }

  public boolean isNotice() {
    return notice != null;
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
                : isRevocation()
                    ? "revocation"
                    : isRejected()
                        ? "rejected record"
                        : isFeedback() ? "feedback" : isNotice() ? "notice" : "registration";
    return kind + "@" + source.position();
  }
}
