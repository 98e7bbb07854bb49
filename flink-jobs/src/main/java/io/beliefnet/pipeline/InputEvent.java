package io.beliefnet.pipeline;

import io.beliefnet.avro.AgentIdentity;
import io.beliefnet.avro.Claim;
import io.beliefnet.avro.Outcome;
import io.beliefnet.pipeline.kafka.KafkaInput;
import java.util.Comparator;

/**
 * One decoded input record with where it came from: exactly one of {@link #agent}, {@link #claim}
 * and {@link #outcome} is set, except that a claim leaving the identity stage also carries its
 * agent's identity. The raw record stays attached so that a rejection downstream can still return
 * the original bytes. A Flink POJO.
 */
public class InputEvent {

  /**
   * The order in which events with one key are applied: event time (the Kafka record timestamp),
   * then registrations before claims before outcomes, then partition and offset. It depends only
   * on the input, so the same input gives the same order however the partitions interleave.
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

  /** The claim stamped with the identity of the agent that made it. */
  public InputEvent stampedWith(AgentIdentity identity) {
    InputEvent stamped = ofClaim(source, claim);
    stamped.agent = identity;
    return stamped;
  }

  /** The id of the agent the event is about: the registered agent or the claimant. */
  public String agentId() {
    return isRegistration() ? agent.getAgentId() : claim.getAgentId();
  }

  /** The domain of a claim or outcome. */
  public String domain() {
    return isClaim() ? claim.getDomain() : outcome.getDomain();
  }

  public boolean isClaim() {
    return claim != null;
  }

  public boolean isOutcome() {
    return outcome != null;
  }

  public boolean isRegistration() {
    return agent != null && claim == null;
  }

  private int kindRank() {
    return isRegistration() ? 0 : isClaim() ? 1 : 2;
  }

  @Override
  public String toString() {
    String kind = isRegistration() ? "registration" : isClaim() ? "claim" : "outcome";
    return kind + "@" + source.position();
  }
}
