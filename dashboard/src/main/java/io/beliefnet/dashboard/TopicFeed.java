package io.beliefnet.dashboard;

import io.beliefnet.registry.AvroRecordDecoder;
import io.beliefnet.registry.HttpSchemaRegistryClient;
import io.beliefnet.registry.SchemaRegistryClient;
import io.beliefnet.registry.WireFormatException;
import io.beliefnet.topics.Topic;
import io.beliefnet.topics.TopicNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the topics the dashboard shows from their beginning, committed records only, on its own
 * thread, and hands each decoded record to the {@link EventHub}. No consumer group: every dashboard
 * reads everything, and nothing is committed.
 */
final class TopicFeed implements AutoCloseable {

  /** The job's outputs, and the inputs that place claim and outcome markers on the chart. */
  static final EnumSet<Topic> TOPICS =
      EnumSet.of(
          Topic.BELIEFS,
          Topic.AGENT_RELIABILITY,
          Topic.SETTLEMENTS,
          Topic.REJECTED,
          Topic.EVIDENCE_REQUESTS,
          Topic.CLAIMS,
          Topic.OUTCOMES);

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Map<String, AvroRecordDecoder<? extends SpecificRecord>> decoders = new HashMap<>();
  private final EventHub hub;
  private final Thread thread = new Thread(this::run, "dashboard-topic-feed");

  private TopicFeed(String bootstrapServers, String registryUrl, TopicNames names, EventHub hub) {
    this.hub = hub;
    this.consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.CLIENT_ID_CONFIG, "belief-dashboard"),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer());
    SchemaRegistryClient registry = HttpSchemaRegistryClient.connect(registryUrl);
    for (Topic topic : TOPICS) {
      decoders.put(names.of(topic), new AvroRecordDecoder<>(registry, topic.valueType()));
    }
  }

  /** Starts reading the topics under their {@code names}; they must exist. */
  static TopicFeed start(
      String bootstrapServers, String registryUrl, TopicNames names, EventHub hub) {
    TopicFeed feed = new TopicFeed(bootstrapServers, registryUrl, names, hub);
    feed.thread.setDaemon(true);
    feed.thread.start();
    return feed;
  }

  private void run() {
    try {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : decoders.keySet()) {
        for (PartitionInfo partition : consumer.partitionsFor(topic)) {
          partitions.add(new TopicPartition(topic, partition.partition()));
        }
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      while (true) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          decode(record).ifPresent(hub::accept);
        }
      }
    } catch (WakeupException closing) {
      // close() woke the consumer up
    } finally {
      consumer.close();
    }
  }

  /**
   * Undecodable records (corrupt bytes on an input topic) are skipped: the job dead-letters them to
   * {@code rejected}, where the dashboard counts them.
   */
  private Optional<SpecificRecord> decode(ConsumerRecord<byte[], byte[]> record) {
    if (record.value() == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(decoders.get(record.topic()).decode(record.value()));
    } catch (WireFormatException e) {
      return Optional.empty();
    }
  }

  @Override
  public void close() throws InterruptedException {
    consumer.wakeup();
    thread.join();
  }
}
