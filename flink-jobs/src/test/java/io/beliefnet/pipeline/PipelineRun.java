package io.beliefnet.pipeline;

import io.beliefnet.avro.AgentReliability;
import io.beliefnet.avro.Belief;
import io.beliefnet.avro.Claim;
import io.beliefnet.kafka.KafkaBroker;
import io.beliefnet.kafka.NetworkTopics;
import io.beliefnet.pipeline.kafka.KafkaBeliefJob;
import io.beliefnet.registry.AvroRecordDecoder;
import io.beliefnet.registry.AvroWireSerializer;
import io.beliefnet.registry.DevSchemaRegistryServer;
import io.beliefnet.registry.HttpSchemaRegistryClient;
import io.beliefnet.topics.Topic;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The belief job running on the test's MiniCluster against the real broker, with topics of its own
 * and its own development registry: produce input, wait until the job has applied it, read the
 * committed output.
 */
final class PipelineRun implements AutoCloseable {

  static final int PARTITIONS = 2;
  private static final Duration PATIENCE = Duration.ofSeconds(150);

  private final KafkaBroker broker;
  private final DevSchemaRegistryServer registry = DevSchemaRegistryServer.start(0);
  private final Map<Topic, String> topics = new EnumMap<>(Topic.class);
  private final BeliefJobConfig config;
  private final String restUrl;
  private final AvroWireSerializer<SpecificRecord> valueSerializer;
  private final KafkaProducer<String, SpecificRecord> producer;
  private final KafkaProducer<byte[], byte[]> rawProducer;
  private final Map<Topic, KafkaConsumer<byte[], byte[]>> readers = new EnumMap<>(Topic.class);
  private final Map<Topic, List<ConsumerRecord<byte[], byte[]>>> received =
      new EnumMap<>(Topic.class);
  private JobClient job;

  /** A run on {@code broker}, whose job goes to the test's {@code cluster}. */
  PipelineRun(KafkaBroker broker, MiniClusterExtension cluster) {
    this.broker = broker;
    Configuration client = cluster.getClientConfiguration();
    this.restUrl = "http://" + client.get(RestOptions.ADDRESS) + ":" + client.get(RestOptions.PORT);
    String prefix = "run-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    Configuration options = new Configuration();
    for (Topic topic : Topic.values()) {
      topics.put(topic, prefix + topic.defaultName());
      options.set(BeliefJobOptions.TOPIC_NAMES.get(topic), prefix + topic.defaultName());
    }
    NetworkTopics.create(broker.bootstrapServers(), PARTITIONS, topics);
    keepEveryRecord(broker, topics.values());
    options.set(BeliefJobOptions.BOOTSTRAP_SERVERS, broker.bootstrapServers());
    options.set(BeliefJobOptions.SCHEMA_REGISTRY_URL, registry.url());
    options.set(BeliefJobOptions.GROUP_ID, prefix + "job");
    options.set(BeliefJobOptions.TRANSACTIONAL_ID_PREFIX, prefix + "job");
    TestRecords.trustTheTestAuthorities(options);
    config = BeliefJobConfig.from(options);
    valueSerializer = new AvroWireSerializer<>(HttpSchemaRegistryClient.connect(registry.url()));
    producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), valueSerializer);
    rawProducer =
        new KafkaProducer<>(producerConfig(), new ByteArraySerializer(), new ByteArraySerializer());
  }

  /**
   * Turns compaction off on this run's topics. The scripts' events are dated months back, so the
   * broker rolls a segment per batch and its cleaner soon compacts them: the tests compare every
   * version the job writes and must not lose superseded ones to it.
   */
  private static void keepEveryRecord(KafkaBroker broker, Collection<String> topics) {
    AlterConfigOp deleteOnly =
        new AlterConfigOp(
            new ConfigEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE),
            AlterConfigOp.OpType.SET);
    Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
    for (String topic : topics) {
      changes.put(new ConfigResource(ConfigResource.Type.TOPIC, topic), List.of(deleteOnly));
    }
    try (Admin admin = admin(broker)) {
      admin.incrementalAlterConfigs(changes).all().get();
    } catch (ExecutionException | InterruptedException e) {
      throw new IllegalStateException("could not turn compaction off on " + topics, e);
    }
  }

  /** A MiniCluster with the two slots a job of parallelism 2 needs. */
  static MiniClusterExtension miniCluster() {
    return new MiniClusterExtension(
        new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());
  }

  /**
   * Starts the job with {@code parallelism}, RocksDB state and checkpoints in {@code dir}, and
   * returns once all its tasks run (see {@link RunningJob}).
   */
  void start(int parallelism, Path checkpoints) throws Exception {
    Configuration flink = new Configuration();
    flink.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
    flink.set(StateBackendOptions.STATE_BACKEND, "rocksdb");
    flink.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
    flink.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toUri().toString());
    flink.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(500));
    flink.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
    flink.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 5);
    flink.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(500));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flink);
    new BeliefJob(KafkaBeliefJob.sources(config), KafkaBeliefJob.sinks(config), config).build(env);
    job = env.executeAsync(BeliefJob.NAME);
    RunningJob.awaitAllTasksRunning(restUrl, job.getJobID(), PATIENCE);
  }

  JobClient job() {
    return job;
  }

  /** How many times the job has failed so far (and restarted): 0 while all is well. */
  int failures() throws Exception {
    return RunningJob.failures(restUrl, job.getJobID());
  }

  /** Makes the schema registry unreachable until {@link #restartRegistry()}. */
  void stopRegistry() {
    registry.close();
  }

  /** Serves the schema registry again, on its port and with its schemas. */
  void restartRegistry() {
    registry.restart();
  }

  void produce(List<ScriptedEvent> events) {
    for (ScriptedEvent event : events) {
      producer.send(
          new ProducerRecord<>(
              topics.get(event.topic()), null, event.timestamp(), event.key(), event.value()));
    }
    producer.flush();
  }

  /** Sends bytes as they are to partition 0 of an input topic; returns the record's offset. */
  long produceRaw(Topic topic, byte[] key, byte[] value, long timestamp) throws Exception {
    return rawProducer
        .send(new ProducerRecord<>(topics.get(topic), 0, timestamp, key, value))
        .get()
        .offset();
  }

  /** {@code record} in the wire format the job reads from {@code topic}. */
  byte[] encode(Topic topic, SpecificRecord record) {
    return valueSerializer.serialize(topics.get(topic), record);
  }

  /** The name this run gave {@code topic}. */
  String topicName(Topic topic) {
    return topics.get(topic);
  }

  /** proposition@eventTime of every belief committed so far. */
  List<String> beliefKeys() {
    return committed(Topic.BELIEFS, Belief.class).stream()
        .map(b -> b.getPropositionId() + "@" + b.getUpdatedAt().toEpochMilli())
        .distinct()
        .toList();
  }

  /**
   * Moves event time past {@code end}, so the job applies everything before it: once the job has
   * read all input produced so far, a valid claim at {@code end} and one a minute later that holds
   * the watermark past the first, both on claims partition 0. The other partitions, idle by then,
   * do not hold event time back, and a single partition cannot deliver a heartbeat behind another.
   * Returns how many records it produced; the last waits for later event time.
   */
  int advanceEventTimePast(long end, String registeredAgent) throws InterruptedException {
    awaitAllInputRead();
    int produced = 0;
    for (long at : new long[] {end, end + 60_000}) {
      Claim heartbeat =
          TestRecords.signed(
              TestRecords.claim(registeredAgent, "heartbeat-" + at, at, 0.5)
                  .setDomain("test/heartbeat"));
      producer.send(
          new ProducerRecord<>(
              topics.get(Topic.CLAIMS), 0, at, heartbeat.getPropositionId(), heartbeat));
      produced++;
    }
    producer.flush();
    return produced;
  }

  /**
   * Returns once the job has read all input and then seen none for longer than the idle timeout.
   */
  void waitUntilEverySourceIsIdle() throws InterruptedException {
    awaitAllInputRead();
    // idleness is noticed at a periodic watermark probe after the timeout: give it two seconds more
    Thread.sleep(config.idleTimeout().plusSeconds(2).toMillis());
  }

  private void awaitAllInputRead() throws InterruptedException {
    await("the job to read all input produced so far", this::readAllInput);
  }

  /**
   * True once the job's consumer group has committed, with a checkpoint, every input record's
   * offset: the job has read them all.
   */
  private boolean readAllInput() {
    try (Admin admin = admin(broker)) {
      Map<TopicPartition, OffsetAndMetadata> read =
          admin.listConsumerGroupOffsets(config.groupId()).partitionsToOffsetAndMetadata().get();
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      for (Topic input : Topic.INPUTS) {
        for (int partition = 0; partition < PARTITIONS; partition++) {
          latest.put(new TopicPartition(topics.get(input), partition), OffsetSpec.latest());
        }
      }
      return admin.listOffsets(latest).all().get().entrySet().stream()
          .allMatch(
              end -> {
                OffsetAndMetadata committed = read.get(end.getKey());
                return end.getValue().offset() == 0
                    || committed != null && committed.offset() >= end.getValue().offset();
              });
    } catch (ExecutionException | InterruptedException e) {
      throw new IllegalStateException("could not read the offsets of group " + config.groupId(), e);
    }
  }

  private static Admin admin(KafkaBroker broker) {
    return Admin.create(
        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
  }

  /**
   * Returns once the job's outputs have not changed while four checkpoints completed (two seconds
   * at the least): what its feedback causes, re-stamps and the beliefs and reliabilities they move,
   * has run its course. Counting checkpoints, not seconds, keeps a slow machine from ending the
   * wait while feedback is still on its way.
   */
  void awaitQuiet() throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    long outputs = -1;
    long quietSince = 0;
    int unchangedPolls = 0;
    while (unchangedPolls < 4
        || RunningJob.completedCheckpoints(restUrl, job.getJobID()) < quietSince + 4) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the job's outputs kept changing for " + PATIENCE);
      }
      Thread.sleep(500);
      long now =
          committed(Topic.BELIEFS, Belief.class).size()
              + committed(Topic.AGENT_RELIABILITY, AgentReliability.class).size();
      if (now != outputs) {
        outputs = now;
        unchangedPolls = 0;
        quietSince = RunningJob.completedCheckpoints(restUrl, job.getJobID());
      } else {
        unchangedPolls++;
      }
    }
  }

  /** Waits until {@code done} holds, failing the test after 150 s. */
  static void await(String what, BooleanSupplier done) throws InterruptedException {
    await(what, done, () -> "");
  }

  /**
   * Waits until {@code done} holds, failing the test after 150 s with {@code progress}: what the
   * run had reached by then.
   */
  static void await(String what, BooleanSupplier done, Supplier<String> progress)
      throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        String reached = progress.get();
        throw new AssertionError(
            "timed out waiting for " + what + (reached.isEmpty() ? "" : "; " + reached));
      }
      Thread.sleep(500);
    }
  }

  /**
   * Every committed record of an output topic so far, decoded, in partition-then-offset order. One
   * consumer per topic stays assigned for the whole run and gathers what arrives.
   */
  <T extends SpecificRecord> List<T> committed(Topic topic, Class<T> type) {
    KafkaConsumer<byte[], byte[]> consumer =
        readers.computeIfAbsent(topic, t -> reader(topics.get(t)));
    List<ConsumerRecord<byte[], byte[]>> records =
        received.computeIfAbsent(topic, t -> new ArrayList<>());
    // read up to the last stable offset, so the view holds every transaction committed by now
    Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())
        && System.nanoTime() < deadline) {
      consumer.poll(Duration.ofMillis(200)).forEach(records::add);
    }
    records.sort(
        Comparator.comparingInt((ConsumerRecord<byte[], byte[]> r) -> r.partition())
            .thenComparingLong(ConsumerRecord::offset));
    AvroRecordDecoder<T> decoder = decoder(type);
    return records.stream().map(r -> decoder.decode(r.value())).toList();
  }

  /** The keys of the records of {@code topic} ({@code type}) committed by now. */
  List<String> committedKeys(Topic topic, Class<? extends SpecificRecord> type) {
    committed(topic, type);
    return received.get(topic).stream()
        .map(r -> new String(r.key(), StandardCharsets.UTF_8))
        .toList();
  }

  /** A decoder of this run's records of {@code type}. */
  <T extends SpecificRecord> AvroRecordDecoder<T> decoder(Class<T> type) {
    return new AvroRecordDecoder<>(HttpSchemaRegistryClient.connect(registry.url()), type);
  }

  /**
   * A read_committed consumer of every partition of {@code topic}, from the start; caller closes.
   */
  KafkaConsumer<byte[], byte[]> reader(Topic topic) {
    return reader(topics.get(topic));
  }

  private KafkaConsumer<byte[], byte[]> reader(String topic) {
    KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed"),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer());
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic).stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    return consumer;
  }

  private Map<String, Object> producerConfig() {
    return Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        broker.bootstrapServers(),
        ProducerConfig.ACKS_CONFIG,
        "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
        true);
  }

  @Override
  public void close() throws Exception {
    if (job != null) {
      RunningJob.cancel(job, PATIENCE);
    }
    producer.close();
    rawProducer.close();
    readers.values().forEach(KafkaConsumer::close);
    registry.close();
  }
}
