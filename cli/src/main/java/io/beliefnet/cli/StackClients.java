package io.beliefnet.cli;

import io.beliefnet.avro.Rejected;
import io.beliefnet.avro.RejectionReason;
import io.beliefnet.registry.AvroRecordDecoder;
import io.beliefnet.registry.AvroWireSerializer;
import io.beliefnet.registry.HttpSchemaRegistryClient;
import io.beliefnet.topics.Topic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Kafka clients of the local stack for the load harnesses: a producer of input, readers of output.
 */
final class StackClients {

  private StackClients() {}

  /** A producer of Avro records, keyed by string, as agents send them. */
  static KafkaProducer<String, SpecificRecord> producer(LocalStack stack) {
    return new KafkaProducer<>(
        producerConfig(stack),
        new StringSerializer(),
        new AvroWireSerializer<>(HttpSchemaRegistryClient.connect(stack.registryUrl())));
  }

  /** A producer of bytes as they are, for records no honest agent would send. */
  static KafkaProducer<byte[], byte[]> rawProducer(LocalStack stack) {
    return new KafkaProducer<>(
        producerConfig(stack), new ByteArraySerializer(), new ByteArraySerializer());
  }

  private static Map<String, Object> producerConfig(LocalStack stack) {
    return Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        stack.bootstrapServers(),
        ProducerConfig.ACKS_CONFIG,
        "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
        true,
        ProducerConfig.LINGER_MS_CONFIG,
        5,
        ProducerConfig.BATCH_SIZE_CONFIG,
        262_144);
  }

  /** A read_committed consumer of {@code topic} positioned at its current end. */
  static KafkaConsumer<byte[], byte[]> consumerAtEnd(LocalStack stack, Topic topic) {
    KafkaConsumer<byte[], byte[]> consumer = consumer(stack);
    List<TopicPartition> partitions = assignAll(consumer, topic.defaultName());
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position);
    return consumer;
  }

  /** Assigns {@code consumer} every partition of {@code topic}; returns them. */
  static List<TopicPartition> assignAll(KafkaConsumer<?, ?> consumer, String topic) {
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    consumer.assign(partitions);
    return partitions;
  }

  static KafkaConsumer<byte[], byte[]> consumer(LocalStack stack) {
    return consumer(stack.bootstrapServers());
  }

  /** A read_committed consumer of the broker at {@code bootstrapServers}, in a group of its own. */
  static KafkaConsumer<byte[], byte[]> consumer(String bootstrapServers) {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed",
            ConsumerConfig.GROUP_ID_CONFIG,
            "bench-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest"),
        new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
  }

  /** Every dead letter the stack's job has committed so far, by reason. */
  static Map<RejectionReason, Integer> deadLettersByReason(LocalStack stack) {
    AvroRecordDecoder<Rejected> decoder =
        new AvroRecordDecoder<>(
            HttpSchemaRegistryClient.connect(stack.registryUrl()), Rejected.class);
    Map<RejectionReason, Integer> byReason = new TreeMap<>();
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(stack)) {
      consumer.subscribe(List.of(Topic.REJECTED.defaultName()));
      int empty = 0;
      while (empty < 10) {
        int read = 0;
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          byReason.merge(decoder.decode(record.value()).getReasonCode(), 1, Integer::sum);
          read++;
        }
        empty = read == 0 ? empty + 1 : 0;
      }
    }
    return byReason;
  }
}
