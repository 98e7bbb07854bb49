package io.beliefnet.pipeline;

import io.beliefnet.avro.AgentIdentity;
import io.beliefnet.avro.Claim;
import io.beliefnet.avro.Outcome;
import io.beliefnet.avro.RejectionReason;
import io.beliefnet.pipeline.kafka.DeadLetters;
import io.beliefnet.pipeline.kafka.KafkaInput;
import io.beliefnet.pipeline.validation.InputValidator;
import io.beliefnet.pipeline.validation.Violation;
import io.beliefnet.registry.AvroRecordDecoder;
import io.beliefnet.registry.HttpSchemaRegistryClient;
import io.beliefnet.registry.SchemaRegistryClient;
import io.beliefnet.registry.WireFormatException;
import io.beliefnet.topics.Topic;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Decodes and validates the raw records of one input topic. A record that cannot be decoded or
 * breaks its schema's contract goes to the {@link DeadLetters#TAG} side output with the reason and
 * its original bytes; the job never fails on input bytes.
 */
public final class DecodeInput extends ProcessFunction<KafkaInput, InputEvent> {

  private static final long serialVersionUID = 1L;

  private final Topic topic;
  private final String registryUrl;
  private transient AvroRecordDecoder<? extends SpecificRecord> decoder;

  /** Decodes records of {@code topic}: one of CLAIMS, OUTCOMES or AGENTS. */
  public DecodeInput(Topic topic, String registryUrl) {
    if (topic != Topic.CLAIMS && topic != Topic.OUTCOMES && topic != Topic.AGENTS) {
      throw new IllegalArgumentException(topic + " is not an input topic");
    }
    this.topic = topic;
    this.registryUrl = registryUrl;
  }

  @Override
  public void open(OpenContext openContext) {
    SchemaRegistryClient registry = HttpSchemaRegistryClient.connect(registryUrl);
    decoder = new AvroRecordDecoder<>(registry, topic.valueType());
  }

  @Override
  public void processElement(KafkaInput input, Context context, Collector<InputEvent> out) {
    SpecificRecord record;
    try {
      record = decoder.decode(input.value);
    } catch (WireFormatException e) {
      context.output(DeadLetters.TAG, DeadLetters.of(input, reasonOf(e), e.getMessage()));
      return;
    }
    Optional<Violation> violation = InputValidator.check(record);
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

  private static RejectionReason reasonOf(WireFormatException e) {
    return switch (e.reason()) {
      case UNKNOWN_SCHEMA_ID -> RejectionReason.UNKNOWN_SCHEMA_ID;
      case REGISTRY_UNAVAILABLE -> RejectionReason.REGISTRY_UNAVAILABLE;
      case MALFORMED_BYTES, INCOMPATIBLE_SCHEMA, INVALID_SCHEMA -> RejectionReason.MALFORMED_BYTES;
    };
  }
}
