package io.beliefnet.pipeline.kafka;

import io.beliefnet.pipeline.RegistryWait;
import io.beliefnet.registry.AvroRecordEncoder;
import io.beliefnet.registry.HttpSchemaRegistryClient;
import io.beliefnet.registry.SchemaRegistryClient;
import java.nio.charset.StandardCharsets;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
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
  private final Class<T> type;
  private final SerializableFunction<T, String> key;
  private final String registryUrl;
  private transient AvroRecordEncoder<T> encoder;

  public AvroKafkaSerializer(
      String topic, Class<T> type, SerializableFunction<T, String> key, String registryUrl) {
    this.topic = topic;
    this.type = type;
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
    // registered before the first record: a registry that cannot be reached now holds the sink
    // back until it can, instead of failing the job at its first record, and after every restart
    Schema schema = SpecificData.get().getSchema(type);
    RegistryWait.until(() -> encoder.register(schema), "the " + topic + " sink");
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
