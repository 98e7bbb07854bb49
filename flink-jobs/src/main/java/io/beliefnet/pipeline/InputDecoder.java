package io.beliefnet.pipeline;

import io.beliefnet.avro.AgentIdentity;
import io.beliefnet.avro.Claim;
import io.beliefnet.avro.Outcome;
import io.beliefnet.avro.RejectionReason;
import io.beliefnet.pipeline.validation.InputValidator;
import io.beliefnet.pipeline.validation.Violation;
import io.beliefnet.registry.AvroRecordDecoder;
import io.beliefnet.registry.SchemaRegistryClient;
import io.beliefnet.registry.WireFormatException;
import io.beliefnet.topics.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/**
 * Decodes and validates the raw records of one input topic. A record that cannot be decoded or
 * breaks its schema's contract becomes a {@link InputEvent#isRejected() rejected} event that
 * carries its dead letter, with the reason and the original bytes; no input bytes make it throw.
 *
 * <p>Before decoding, a record is refused if its key or value is larger than {@link RecordLimits}
 * or it is stamped further ahead of the wall clock than the allowed clock skew; after decoding, a
 * claim or outcome whose Kafka timestamp is further than the out-of-orderness from its signed event
 * or observation time is refused. Records are applied in the order of their Kafka timestamps, so
 * this binds where a record is applied to when its signer says it was made: an old signed claim or
 * outcome cannot be replayed under a fresh timestamp, and a claim backdated past an outcome lands
 * behind the watermark.
 */
public final class InputDecoder {

  private final long maxClockSkewMillis;
  private final long maxOutOfOrdernessMillis;
  private final AvroRecordDecoder<? extends SpecificRecord> decoder;

  /** Decodes records of {@code topic}: one of CLAIMS, OUTCOMES or AGENTS. */
  public InputDecoder(
      Topic topic,
      SchemaRegistryClient registry,
      Duration maxClockSkew,
      Duration maxOutOfOrderness) {
    if (!Topic.INPUTS.contains(topic)) {
      throw new IllegalArgumentException(topic + " is not an input topic");
    }
    this.maxClockSkewMillis = maxClockSkew.toMillis();
    this.maxOutOfOrdernessMillis = maxOutOfOrderness.toMillis();
    this.decoder = new AvroRecordDecoder<>(registry, topic.valueType());
  }

  /** The decoded event, or the rejected one with its dead letter. */
  public InputEvent decode(KafkaInput input) {
    Optional<String> unframed = RecordLimits.problem(input, maxClockSkewMillis);
    if (unframed.isPresent()) {
      return rejected(input, RejectionReason.INVALID_RECORD, unframed.get());
    }
    SpecificRecord record;
    try {
      // the record's schema is there, only perhaps not reachable now: refusing it would lose it
      record = RegistryWait.until(() -> decoder.decode(input.value), input);
    } catch (WireFormatException e) {
      return rejected(input, reasonOf(e), e.getMessage());
    }
    Optional<Violation> violation =
        InputValidator.check(record).or(() -> checkSignedTime(record, input.timestamp));
    if (violation.isPresent()) {
      return rejected(input, violation.get().reason(), violation.get().message());
    }
    if (record instanceof Claim claim) {
      return InputEvent.ofClaim(input, claim);
    } else if (record instanceof Outcome outcome) {
      return InputEvent.ofOutcome(input, outcome);
    }
    return InputEvent.ofAgent(input, (AgentIdentity) record);
  }

  private static InputEvent rejected(KafkaInput input, RejectionReason reason, String message) {
    return InputEvent.rejected(input, DeadLetters.of(input, reason, message));
  }

  /**
   * A claim's Kafka timestamp must lie within the out-of-orderness of its signed event time, an
   * outcome's within it of its signed observation time: records are applied in the order of their
   * timestamps, so this binds where a record is applied to the time its signer stated.
   */
  private Optional<Violation> checkSignedTime(SpecificRecord record, long timestamp) {
    if (record instanceof Claim claim) {
      return checkSignedTime(
          "claim " + claim.getClaimId(), "event time", claim.getEventTime(), timestamp);
    }
    if (record instanceof Outcome outcome) {
      return checkSignedTime(
          "outcome " + outcome.getOutcomeId(),
          "observation time",
          outcome.getObservedAt(),
          timestamp);
    }
    return Optional.empty();
  }

  private Optional<Violation> checkSignedTime(
      String subject, String what, Instant signed, long timestamp) {
    if (Math.abs(timestamp - signed.toEpochMilli()) <= maxOutOfOrdernessMillis) {
      return Optional.empty();
    }
    return Optional.of(
        new Violation(
            RejectionReason.INVALID_RECORD,
            subject
                + " has Kafka timestamp "
                + Instant.ofEpochMilli(timestamp)
                + " but "
                + what
                + " "
                + signed
                + ", more than the "
                + Duration.ofMillis(maxOutOfOrdernessMillis)
                + " out-of-orderness apart: set the record timestamp to the "
                + what));
  }

  private static RejectionReason reasonOf(WireFormatException e) {
    return switch (e.reason()) {
      case UNKNOWN_SCHEMA_ID -> RejectionReason.UNKNOWN_SCHEMA_ID;
      case MALFORMED_BYTES, INCOMPATIBLE_SCHEMA, INVALID_SCHEMA -> RejectionReason.MALFORMED_BYTES;
      case REGISTRY_UNAVAILABLE ->
          throw new IllegalStateException("an unreachable registry is waited for, not refused", e);
    };
  }
}
