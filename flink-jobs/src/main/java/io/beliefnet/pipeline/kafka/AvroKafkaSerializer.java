package io.beliefnet.pipeline.kafka;

import io.beliefnet.registry.AvroRecordEncoder;
import io.beliefnet.registry.HttpSchemaRegistryClient;
import io.beliefnet.registry.SchemaRegistryClient;
import java.nio.charset.StandardCharsets;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes Avro records to one topic in the Confluent wire format (subject {@code <topic>-value}),
 * keyed by a UTF-8 string taken from the record.
 */
public final class AvroKafkaSerializer<T extends SpecificRecord>
    implements KafkaRecordSerializationSchema<T> {

  private static final long serialVersionUID = 1L;

  private final String topic;
  private final SerializableFunction<T, String> key;
  private final String registryUrl;
  private transient AvroRecordEncoder<T> encoder;

  public AvroKafkaSerializer(
      String topic, SerializableFunction<T, String> key, String registryUrl) {
    this.topic = topic;
    this.key = key;
    this.registryUrl = registryUrl;
  }

  @Override
  public void open(
      SerializationSchema.InitializationContext context, KafkaSinkContext sinkContext) {
    encoder =
        new AvroRecordEncoder<>(
            HttpSchemaRegistryClient.connect(registryUrl),
            SchemaRegistryClient.subject(topic, false));
  }

  @Override
  public ProducerRecord<byte[], byte[]> serialize(
      T record, KafkaSinkContext context, Long timestamp) {
    return new ProducerRecord<>(
        topic,
        null,
        timestamp,
        key.apply(record).getBytes(StandardCharsets.UTF_8),
        encoder.encode(record));
  }
}
