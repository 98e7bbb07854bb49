package io.beliefnet.pipeline.kafka;

import io.beliefnet.avro.Feedback;
import io.beliefnet.pipeline.InputEvent;
import io.beliefnet.pipeline.KafkaInput;
import io.beliefnet.registry.AvroRecordDecoder;
import io.beliefnet.registry.HttpSchemaRegistryClient;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads the job's own feedback records back. Only the job may write that topic (see the ACLs), so a
 * record that does not decode is a fault of the deployment, not bad input: it fails the task,
 * saying where, instead of being skipped, since skipping it would lose what it taught.
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
    KafkaInput position =
        new KafkaInput(
            record.topic(), record.partition(), record.offset(), record.timestamp(), null, null);
    Feedback feedback;
    try {
      feedback = decoder.decode(record.value());
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          position.position()
              + " is not a feedback record of this job: only the job may write its feedback"
              + " topic; check the topic's ACLs and that no other job shares its name",
          e);
    }
    out.collect(InputEvent.ofFeedback(position, feedback));
  }

  @Override
  public TypeInformation<InputEvent> getProducedType() {
    return TypeInformation.of(InputEvent.class);
  }
}
