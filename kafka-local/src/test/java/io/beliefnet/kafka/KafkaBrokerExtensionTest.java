package io.beliefnet.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.beliefnet.topics.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaBrokerExtension.class)
class KafkaBrokerExtensionTest {

  @Test
  void createsEveryTopicWithItsRetention(KafkaBroker broker) throws Exception {
    try (Admin admin = admin(broker)) {
      for (Topic topic : Topic.values()) {
        TopicDescription description =
            admin
                .describeTopics(List.of(topic.defaultName()))
                .allTopicNames()
                .get()
                .get(topic.defaultName());
        ConfigResource resource =
            new ConfigResource(ConfigResource.Type.TOPIC, topic.defaultName());
        Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);

        assertThat(description.partitions()).hasSize(2);
        assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value())
            .as(topic.defaultName())
            .isEqualTo(topic.compacted() ? "compact" : "delete");
      }
    }
  }

  @Test
  void transactionalProducerRecordsAreReadCommitted(KafkaBroker broker) {
    Properties producerConfig = new Properties();
    producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    producerConfig.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "broker-test");
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer())) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(Topic.SETTLEMENTS.defaultName(), "agent-1", "settled"));
      producer.commitTransaction();
    }

    Properties consumerConfig = new Properties();
    consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "broker-test");
    consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(Topic.SETTLEMENTS.defaultName()));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (values.isEmpty() && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          values.add(record.value());
        }
      }
    }
    assertThat(values).containsExactly("settled");
  }

  @Test
  void reportsTheCpuTimeItsProcessUsed(KafkaBroker broker) throws Exception {
    Duration before = broker.cpuTime();
    try (Admin admin = admin(broker)) {
      admin.listTopics().names().get(); // work for the broker
    }
    // a started broker has used CPU (starting took seconds of it), and the figure only grows
    assertThat(before).isPositive();
    assertThat(broker.cpuTime()).isGreaterThanOrEqualTo(before);
  }

  private static Admin admin(KafkaBroker broker) {
    return Admin.create(
        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
  }
}
