package io.beliefnet.pipeline;

import io.beliefnet.avro.AgentIdentity;
import io.beliefnet.avro.Claim;
import io.beliefnet.avro.Outcome;
import io.beliefnet.avro.RejectionReason;
import io.beliefnet.pipeline.kafka.DeadLetters;
import io.beliefnet.pipeline.kafka.KafkaInput;
import io.beliefnet.pipeline.kafka.SkewGuardedWatermarks;
import io.beliefnet.pipeline.validation.InputValidator;
import io.beliefnet.pipeline.validation.Violation;
import io.beliefnet.registry.AvroRecordDecoder;
import io.beliefnet.registry.HttpSchemaRegistryClient;
import io.beliefnet.registry.SchemaRegistryClient;
import io.beliefnet.registry.WireFormatException;
import io.beliefnet.topics.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Decodes and validates the raw records of one input topic. A record that cannot be decoded or
 * breaks its schema's contract goes to the {@link DeadLetters#TAG} side output with the reason and
 * its original bytes; the job never fails on input bytes.
 *
 * <p>Before decoding, a record is refused if it is larger than {@link #MAX_RECORD_BYTES} or stamped
 * further ahead of the wall clock than the allowed clock skew; after decoding, a claim whose Kafka
 * timestamp is further than that skew from its signed event time is refused, so an old signed
 * claim cannot be replayed under a fresh timestamp.
 */
public final class DecodeInput extends ProcessFunction<KafkaInput, InputEvent> {

  private static final long serialVersionUID = 1L;

  /** Largest record value accepted; the largest valid claim is about 30 KB. */
  public static final int MAX_RECORD_BYTES = 64 * 1024;

  private final Topic topic;
  private final String registryUrl;
  private final long maxClockSkewMillis;
  private transient AvroRecordDecoder<? extends SpecificRecord> decoder;

  /** Decodes records of {@code topic}: one of CLAIMS, OUTCOMES or AGENTS. */
  public DecodeInput(Topic topic, String registryUrl, Duration maxClockSkew) {
    if (topic != Topic.CLAIMS && topic != Topic.OUTCOMES && topic != Topic.AGENTS) {
      throw new IllegalArgumentException(topic + " is not an input topic");
    }
    this.topic = topic;
    this.registryUrl = registryUrl;
    this.maxClockSkewMillis = maxClockSkew.toMillis();
  }

  @Override
  public void open(OpenContext openContext) {
    SchemaRegistryClient registry = HttpSchemaRegistryClient.connect(registryUrl);
    decoder = new AvroRecordDecoder<>(registry, topic.valueType());
  }

  @Override
  public void processElement(KafkaInput input, Context context, Collector<InputEvent> out) {
    Optional<String> unframed = checkFrame(input);
    if (unframed.isPresent()) {
      context.output(
          DeadLetters.TAG, DeadLetters.of(input, RejectionReason.INVALID_RECORD, unframed.get()));
      return;
    }
    SpecificRecord record;
    try {
      record = decoder.decode(input.value);
    } catch (WireFormatException e) {
      context.output(DeadLetters.TAG, DeadLetters.of(input, reasonOf(e), e.getMessage()));
      return;
    }
    Optional<Violation> violation =
        InputValidator.check(record).or(() -> checkClaimTimestamp(record, input.timestamp));
    if (violation.isPresent()) {
      context.output(
          DeadLetters.TAG,
          DeadLetters.of(input, violation.get().reason(), violation.get().message()));
      return;
    }
    if (record instanceof Claim claim) {
      out.collect(InputEvent.ofClaim(input, claim));
    } else if (record instanceof Outcome outcome) {
      out.collect(InputEvent.ofOutcome(input, outcome));
    } else {
      out.collect(InputEvent.ofAgent(input, (AgentIdentity) record));
    }
  }

  private Optional<String> checkFrame(KafkaInput input) {
    if (input.value != null && input.value.length > MAX_RECORD_BYTES) {
      return Optional.of(
          "record " + input.position() + " is " + input.value.length + " bytes, more than the "
              + MAX_RECORD_BYTES + " accepted: ids, labels and evidence lists have documented limits");
    }
    if (!SkewGuardedWatermarks.plausible(input.timestamp, maxClockSkewMillis)) {
      return Optional.of(
          "record " + input.position() + " has timestamp " + Instant.ofEpochMilli(input.timestamp)
              + ", more than " + Duration.ofMillis(maxClockSkewMillis) + " ahead of the job's clock: stamp"
              + " records with their event time, and check the producer's clock");
    }
    return Optional.empty();
  }

  private Optional<Violation> checkClaimTimestamp(SpecificRecord record, long timestamp) {
    if (!(record instanceof Claim claim)) {
      return Optional.empty();
    }
    long skew = Math.abs(timestamp - claim.getEventTime().toEpochMilli());
    if (skew <= maxClockSkewMillis) {
      return Optional.empty();
    }
    return Optional.of(
        new Violation(
            RejectionReason.INVALID_RECORD,
            "claim " + claim.getClaimId() + " has Kafka timestamp "
                + Instant.ofEpochMilli(timestamp) + " but event time " + claim.getEventTime()
                + ": set the record timestamp to the claim's event time"));
  }

  private static RejectionReason reasonOf(WireFormatException e) {
    return switch (e.reason()) {
      case UNKNOWN_SCHEMA_ID -> RejectionReason.UNKNOWN_SCHEMA_ID;
      case REGISTRY_UNAVAILABLE -> RejectionReason.REGISTRY_UNAVAILABLE;
      case MALFORMED_BYTES, INCOMPATIBLE_SCHEMA, INVALID_SCHEMA -> RejectionReason.MALFORMED_BYTES;
    };
  }
}
