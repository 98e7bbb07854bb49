package io.beliefnet.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.beliefnet.topics.Topic;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker with SASL/SCRAM and ACLs, set up with {@link NetworkAcls}' policy, lets each principal
 * do its part and refuses it the rest.
 */
class SecureBrokerIT {

  private static final String ADMIN = "admin";
  private static final String AGENT = "agent-1";
  private static final String RESOLVER = "resolver-1";
  private static final String JOB = "belief-job";
  private static final String JOB_GROUP = "belief-job";
  private static final String JOB_TRANSACTIONAL_ID_PREFIX = "belief-job";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private static final SecureBrokerSettings SECURITY =
      new SecureBrokerSettings(
          ADMIN,
          Map.of(
              ADMIN, "admin-secret",
              AGENT, "agent-1-secret",
              RESOLVER, "resolver-1-secret",
              JOB, "belief-job-secret"));

  @TempDir static Path workDir;

  private static ChildProcessKafkaBroker broker;

  @BeforeAll
  static void startBrokerWithThePolicy() throws Exception {
    broker = ChildProcessKafkaBroker.start(workDir, SECURITY);
    Map<Topic, String> names = NetworkTopics.defaultNames();
    NetworkTopics.create(config(ADMIN), 1, names);

    List<AclBinding> acls = new ArrayList<>();
    acls.addAll(NetworkAcls.agent(AGENT, names));
    acls.addAll(NetworkAcls.resolver(RESOLVER, names));
    acls.addAll(NetworkAcls.job(JOB, JOB_GROUP, JOB_TRANSACTIONAL_ID_PREFIX, names));
    NetworkAcls.grant(config(ADMIN), acls);
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void agentWritesClaims() throws Exception {
    try (KafkaProducer<String, String> agent = producer(config(AGENT))) {
      RecordMetadata written = send(agent, Topic.CLAIMS, "claim");

      assertThat(written.topic()).isEqualTo("claims");
    }
  }

  @Test
  void agentCannotWriteOutcomes() {
    try (KafkaProducer<String, String> agent = producer(config(AGENT))) {
      assertThatThrownBy(() -> send(agent, Topic.OUTCOMES, "forged outcome"))
          .hasCauseInstanceOf(TopicAuthorizationException.class);
    }
  }

  @Test
  void agentCannotWriteBeliefs() {
    try (KafkaProducer<String, String> agent = producer(config(AGENT))) {
      assertThatThrownBy(() -> send(agent, Topic.BELIEFS, "forged belief"))
          .hasCauseInstanceOf(TopicAuthorizationException.class);
    }
  }

  @Test
  void resolverWritesOutcomes() throws Exception {
    try (KafkaProducer<String, String> resolver = producer(config(RESOLVER))) {
      RecordMetadata written = send(resolver, Topic.OUTCOMES, "outcome");

      assertThat(written.topic()).isEqualTo("outcomes");
    }
  }

  @Test
  void jobWritesBeliefsTransactionallyAndAgentsReadThem() {
    Map<String, Object> jobConfig = config(JOB);
    jobConfig.put(
        ProducerConfig.TRANSACTIONAL_ID_CONFIG, JOB_TRANSACTIONAL_ID_PREFIX + "-beliefs-0");
    try (KafkaProducer<String, String> job = producer(jobConfig)) {
      job.initTransactions();
      job.beginTransaction();
      job.send(new ProducerRecord<>(Topic.BELIEFS.defaultName(), "p-1", "belief"));
      job.commitTransaction();
    }

    Map<String, Object> agentConfig = config(AGENT);
    agentConfig.put(ConsumerConfig.GROUP_ID_CONFIG, AGENT + ".beliefs");
    agentConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    agentConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<String> beliefs = new ArrayList<>();
    try (KafkaConsumer<String, String> agent =
        new KafkaConsumer<>(agentConfig, new StringDeserializer(), new StringDeserializer())) {
      agent.subscribe(List.of(Topic.BELIEFS.defaultName()));
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (beliefs.isEmpty() && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : agent.poll(Duration.ofMillis(500))) {
          beliefs.add(record.value());
        }
      }
      agent.commitSync();
    }
    assertThat(beliefs).containsExactly("belief");
  }

  @Test
  void wrongPasswordIsRefused() {
    Map<String, Object> impostor = config(AGENT);
    impostor.put(
        SaslConfigs.SASL_JAAS_CONFIG,
        "org.apache.kafka.common.security.scram.ScramLoginModule required"
            + " username=\""
            + AGENT
            + "\" password=\"guessed\";");
    try (KafkaProducer<String, String> producer = producer(impostor)) {
      assertThatThrownBy(() -> send(producer, Topic.CLAIMS, "claim"))
          .hasCauseInstanceOf(SaslAuthenticationException.class);
    }
  }

  private static Map<String, Object> config(String user) {
    return new HashMap<>(SECURITY.clientConfig(broker.bootstrapServers(), user));
  }

  private static KafkaProducer<String, String> producer(Map<String, Object> config) {
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) TIMEOUT.toMillis());
    return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
  }

  private static RecordMetadata send(
      KafkaProducer<String, String> producer, Topic topic, String value) throws Exception {
    return producer
        .send(new ProducerRecord<>(topic.defaultName(), "p-1", value))
        .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
  }
}
