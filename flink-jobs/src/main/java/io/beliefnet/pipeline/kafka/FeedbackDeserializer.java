package io.beliefnet.pipeline.kafka;

import io.beliefnet.avro.Feedback;
import io.beliefnet.avro.RejectionReason;
import io.beliefnet.pipeline.DeadLetters;
import io.beliefnet.pipeline.InputEvent;
import io.beliefnet.pipeline.KafkaInput;
import io.beliefnet.pipeline.RegistryWait;
import io.beliefnet.pipeline.validation.InputValidator;
import io.beliefnet.pipeline.validation.Violation;
import io.beliefnet.registry.AvroRecordDecoder;
import io.beliefnet.registry.HttpSchemaRegistryClient;
import io.beliefnet.registry.WireFormatException;
import java.util.Optional;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads the job's own feedback records back. Only the job may write that topic (see the ACLs); a
 * record that does not decode, or does not fit the model's shapes ({@code FeedbackValidator}),
 * leaves as a rejected event with its dead letter rather than failing the stage that would apply
 * it. An unreachable registry is waited for ({@link RegistryWait}): refusing the record would lose
 * what it taught.
 */
public final class FeedbackDeserializer implements KafkaRecordDeserializationSchema<InputEvent> {

  private static final long serialVersionUID = 1L;

  private final String registryUrl;
  private transient AvroRecordDecoder<Feedback> decoder;

  public FeedbackDeserializer(String registryUrl) {
    this.registryUrl = registryUrl;
  }

  @Override
  public void open(DeserializationSchema.InitializationContext context) {
    decoder =
        new AvroRecordDecoder<>(HttpSchemaRegistryClient.connect(registryUrl), Feedback.class);
  }

  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<InputEvent> out) {
    KafkaInput input = DecodingDeserializer.input(record);
    Feedback feedback;
    try {
      feedback = RegistryWait.until(() -> decoder.decode(record.value()), input);
    } catch (WireFormatException e) {
      out.collect(
          rejected(
              input,
              new Violation(
                  RejectionReason.MALFORMED_BYTES,
                  input.position()
                      + " is not a feedback record of this job ("
                      + e.getMessage()
                      + "): only the belief job may write its feedback topic; check the topic's"
                      + " ACLs and that no other job shares its name")));
      return;
    }
    Optional<Violation> violation = InputValidator.check(feedback);
    out.collect(
        violation.isPresent()
            ? rejected(input, violation.get())
            : InputEvent.ofFeedback(input, feedback));
  }

  private static InputEvent rejected(KafkaInput input, Violation violation) {
    return InputEvent.rejected(
        input, DeadLetters.of(input, violation.reason(), violation.message()));
  }

  @Override
  public TypeInformation<InputEvent> getProducedType() {
    return TypeInformation.of(InputEvent.class);
  }
}
