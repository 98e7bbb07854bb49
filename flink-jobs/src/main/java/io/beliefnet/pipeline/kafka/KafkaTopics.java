package io.beliefnet.pipeline.kafka;

import io.beliefnet.pipeline.BeliefJobConfig;
import io.beliefnet.pipeline.InputEvent;
import io.beliefnet.topics.Topic;
import java.time.Duration;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerConfig;

/** The job's Kafka sources and exactly-once sinks, built from its configuration. */
public final class KafkaTopics {

  /**
   * Transactions stay open for at most one checkpoint interval plus recovery; 10 minutes stays
   * below the broker's default {@code transaction.max.timeout.ms} of 15 minutes.
   */
  private static final Duration TRANSACTION_TIMEOUT = Duration.ofMinutes(10);

  /** How long a sink's producer waits to fill a batch, and how large a batch may grow. */
  private static final Duration SINK_LINGER = Duration.ofMillis(100);

  private static final int SINK_BATCH_BYTES = 64 * 1024;

  private KafkaTopics() {}

  /**
   * Reads {@code topic} from the committed offsets (the earliest on first start), seeing only
   * committed transactions, and decodes each record ({@link DecodingDeserializer}).
   */
  public static KafkaSource<InputEvent> source(BeliefJobConfig config, Topic topic) {
    return source(
        config,
        topic,
        new DecodingDeserializer(
            topic, config.registryUrl(), config.maxClockSkew(), config.maxOutOfOrderness()));
  }

  /** Reads the job's feedback topic back, as {@link #source} reads an input topic. */
  public static KafkaSource<InputEvent> feedbackSource(BeliefJobConfig config) {
    return source(config, Topic.MODEL_FEEDBACK, new FeedbackDeserializer(config.registryUrl()));
  }

  private static KafkaSource<InputEvent> source(
      BeliefJobConfig config,
      Topic topic,
      KafkaRecordDeserializationSchema<InputEvent> deserializer) {
    return KafkaSource.<InputEvent>builder()
        .setProperties(clientProperties(config))
        .setBootstrapServers(config.bootstrapServers())
        .setTopics(config.topic(topic))
        .setGroupId(config.groupId())
        .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
        .setDeserializer(deserializer)
        .setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
        .build();
  }

  /** Writes Avro records to {@code topic} in Kafka transactions committed with checkpoints. */
  public static <T extends SpecificRecord> KafkaSink<T> sink(
      BeliefJobConfig config, Topic topic, SerializableFunction<T, String> key) {
    String name = config.topic(topic);
    @SuppressWarnings("unchecked") // the caller's T is the topic's value type
    Class<T> type = (Class<T>) topic.valueType();
    return exactlyOnceSink(
        config, name, new AvroKafkaSerializer<>(name, type, key, config.registryUrl()));
  }

  /**
   * Writes what {@code serializer} makes of each record in Kafka transactions committed with
   * checkpoints, batching as every sink of the job does; {@code name} tells its transactional ids
   * apart from other sinks'.
   */
  public static <T> KafkaSink<T> exactlyOnceSink(
      BeliefJobConfig config, String name, KafkaRecordSerializationSchema<T> serializer) {
    return KafkaSink.<T>builder()
        .setKafkaProducerConfig(producerProperties(config))
        .setBootstrapServers(config.bootstrapServers())
        .setRecordSerializer(serializer)
        .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
        .setTransactionalIdPrefix(config.transactionalIdPrefix() + "-" + name)
        .setProperty(
            ProducerConfig.TRANSACTION_TIMEOUT_CONFIG,
            String.valueOf(TRANSACTION_TIMEOUT.toMillis()))
        .build();
  }

  /**
   * What the job's sinks give their producers: batching, then the configured client properties.
   * Output becomes readable ({@code read_committed}) only when its transaction commits at the next
   * checkpoint, which flushes every batch first, so lingering costs those readers nothing; fuller
   * batches mean fewer produce requests for the producer and the broker to handle.
   */
  static Properties producerProperties(BeliefJobConfig config) {
    Properties properties = new Properties();
    properties.put(ProducerConfig.LINGER_MS_CONFIG, String.valueOf(SINK_LINGER.toMillis()));
    properties.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(SINK_BATCH_BYTES));
    properties.putAll(clientProperties(config));
    return properties;
  }

  /**
   * The configured client properties (security, TLS), set before the job's own settings so that
   * they cannot override its servers, group, isolation level or transactions.
   */
  private static Properties clientProperties(BeliefJobConfig config) {
    Properties properties = new Properties();
    properties.putAll(config.kafkaProperties());
    return properties;
  }
}
