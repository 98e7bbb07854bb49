package io.beliefnet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.beliefnet.avro.AgentIdentity;
import io.beliefnet.avro.AgentReliability;
import io.beliefnet.avro.Claim;
import io.beliefnet.avro.IdentityTier;
import io.beliefnet.registry.AvroRecordDecoder;
import io.beliefnet.registry.AvroWireSerializer;
import io.beliefnet.registry.HttpSchemaRegistryClient;
import io.beliefnet.signing.AgentKey;
import io.beliefnet.topics.Topic;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code belief bench}: the load harness. Starts the local stack, pushes a burst of claims through
 * it and prints what it measured: sustained claims per second, claim-to-output latency, raw Kafka
 * consume speed on the same machine, checkpoint duration and state size.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Measures throughput, latency, checkpoints and state size of the job on this machine.")
final class BenchCommand implements Callable<Integer> {

  private static final String DOMAIN_PREFIX = "bench/";
  private static final String HEARTBEAT_DOMAIN = "heartbeat/bench";
  private static final Duration WARM_UP_SPAN = Duration.ofMinutes(3);

  @Option(names = "--claims", defaultValue = "100000", description = "Claims to send (default: ${DEFAULT-VALUE}).")
  int claims;

  @Option(names = "--agents", defaultValue = "1000", description = "Registered agents (default: ${DEFAULT-VALUE}).")
  int agents;

  @Option(names = "--propositions", defaultValue = "20000", description = "Propositions claimed on (default: ${DEFAULT-VALUE}).")
  int propositions;

  @Option(names = "--domains", defaultValue = "8", description = "Domains the propositions fall in (default: ${DEFAULT-VALUE}).")
  int domains;

  private final List<AgentKey> keys = new ArrayList<>();

  @Option(names = "--state-dir", defaultValue = ".belief/bench", description = "State folder, wiped at start (default: ${DEFAULT-VALUE}).")
  Path stateDir;

  @Override
  public Integer call() throws Exception {
    // claims are signed before the clock starts, so that the producer's signing does not limit
    // what is measured; claim i has event time base + i ms, and everything before it is older
    long base = System.currentTimeMillis();
    List<Claim> signed = signedClaims(base);
    try (LocalStack stack = LocalStack.start(stateDir.toAbsolutePath(), 0);
        KafkaProducer<String, SpecificRecord> producer = producer(stack)) {
      register(producer, base - WARM_UP_SPAN.toMillis() * 2);
      warmUp(stack, producer, base - WARM_UP_SPAN.toMillis());
      long start = System.currentTimeMillis();
      long[] sentAt = new long[claims];
      for (int i = 0; i < claims; i++) {
        sentAt[i] = System.currentTimeMillis();
        send(producer, signed.get(i));
      }
      producer.flush();
      long produced = System.currentTimeMillis();
      Measured measured = awaitApplied(stack, producer, base, sentAt);
      double consumeRate = rawConsumeRate(stack);
      JsonNode checkpoint = latestCheckpoint(stack);

      System.out.printf("claims=%d agents=%d propositions=%d domains=%d parallelism=%d%n",
          claims, agents, propositions, domains, LocalStack.PARTITIONS);
      System.out.printf("produce_claims_per_s=%.0f (claims signed beforehand)%n",
          claims * 1000.0 / Math.max(1, produced - start));
      System.out.printf("sustained_claims_per_s=%.0f (first claim sent to last claim's output committed)%n",
          claims * 1000.0 / Math.max(1, measured.lastAppliedAt() - start));
      System.out.printf("latency_ms p50=%d p95=%d p99=%d max=%d (claim sent to its output readable, read_committed)%n",
          measured.percentile(0.50), measured.percentile(0.95), measured.percentile(0.99), measured.percentile(1.0));
      System.out.printf("raw_kafka_consume_records_per_s=%.0f (same claims topic, plain consumer)%n", consumeRate);
      System.out.printf("checkpoint end_to_end_ms=%d state_size_bytes=%d checkpointed_size_bytes=%d%n",
          checkpoint.path("end_to_end_duration").asLong(),
          checkpoint.path("state_size").asLong(),
          checkpoint.path("checkpointed_size").asLong());
      return 0;
    }
  }

  /** The claims to send, signed on every core, with event times base, base + 1 ms, ... */
  private List<Claim> signedClaims(long base) {
    for (int a = 0; a < agents; a++) {
      keys.add(AgentKey.fromSeed(a));
    }
    SplittableRandom random = new SplittableRandom(1);
    int[][] plan = new int[claims][];
    for (int i = 0; i < claims; i++) {
      plan[i] = new int[] {random.nextInt(agents), random.nextInt(propositions), random.nextInt(2)};
    }
    return IntStream.range(0, claims)
        .parallel()
        .mapToObj(i -> claim("c" + i, plan[i][0], "p" + plan[i][1],
            DOMAIN_PREFIX + (plan[i][1] % domains), plan[i][2], base + i))
        .toList();
  }

  private record Measured(long lastAppliedAt, long[] latencies) {
    long percentile(double q) {
      return latencies.length == 0 ? -1 : latencies[(int) Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
    }
  }

  /**
   * Sends heartbeats, stamped from {@code from} on, until one comes out the other end, so that the
   * measurement starts with the job running rather than including its start-up.
   */
  private void warmUp(LocalStack stack, KafkaProducer<String, SpecificRecord> producer, long from) {
    AvroRecordDecoder<AgentReliability> decoder =
        new AvroRecordDecoder<>(HttpSchemaRegistryClient.connect(stack.registryUrl()), AgentReliability.class);
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(stack)) {
      consumer.subscribe(List.of(Topic.AGENT_RELIABILITY.defaultName()));
      long deadline = System.currentTimeMillis() + WARM_UP_SPAN.toMillis();
      for (int beat = 0; System.currentTimeMillis() < deadline; beat++) {
        send(producer, claim("warm-up-" + beat, 0, "warm-up", HEARTBEAT_DOMAIN, 0, from + beat * 10L));
        producer.flush();
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          if (decoder.decode(record.value()).getDomain().equals(HEARTBEAT_DOMAIN)) {
            return;
          }
        }
      }
    }
    throw new IllegalStateException("the job produced no output within " + WARM_UP_SPAN + " of starting");
  }

  /**
   * Reads reliabilities (one per applied claim) until every claim is accounted for; a claim's
   * latency runs from when it was sent to when its reliability became readable.
   */
  private Measured awaitApplied(
      LocalStack stack, KafkaProducer<String, SpecificRecord> producer, long base, long[] sentAt) {
    AvroRecordDecoder<AgentReliability> decoder =
        new AvroRecordDecoder<>(HttpSchemaRegistryClient.connect(stack.registryUrl()), AgentReliability.class);
    List<Long> latencies = new ArrayList<>();
    long lastAppliedAt = 0;
    long heartbeat = 0;
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(stack)) {
      consumer.subscribe(List.of(Topic.AGENT_RELIABILITY.defaultName()));
      long deadline = System.currentTimeMillis() + Duration.ofMinutes(10).toMillis();
      while (latencies.size() < claims && System.currentTimeMillis() < deadline) {
        // a live stream keeps moving event time; without it the last claims would wait
        send(producer, claim("heartbeat-" + heartbeat++, 0, "heartbeat", HEARTBEAT_DOMAIN, 0,
            Math.max(System.currentTimeMillis(), base + claims)));
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          AgentReliability reliability = decoder.decode(record.value());
          if (reliability.getDomain().startsWith(DOMAIN_PREFIX)) {
            long now = System.currentTimeMillis();
            latencies.add(now - sentAt[(int) (reliability.getUpdatedAt().toEpochMilli() - base)]);
            lastAppliedAt = now;
          }
        }
      }
    }
    long[] sorted = latencies.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    return new Measured(lastAppliedAt, sorted);
  }

  private double rawConsumeRate(LocalStack stack) {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(stack)) {
      consumer.subscribe(List.of(Topic.CLAIMS.defaultName()));
      long read = 0;
      long began = System.nanoTime();
      long deadline = began + Duration.ofMinutes(2).toNanos();
      while (read < claims && System.nanoTime() < deadline) {
        read += consumer.poll(Duration.ofMillis(500)).count();
      }
      return read / ((System.nanoTime() - began) / 1e9);
    }
  }

  private static JsonNode latestCheckpoint(LocalStack stack) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(stack.flinkRestUrl() + "/jobs/" + stack.job().getJobID() + "/checkpoints"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return new ObjectMapper().readTree(response.body()).path("latest").path("completed");
  }

  /** Registers the agents at {@code at}; every tenth is attested, the rest verified. */
  private void register(KafkaProducer<String, SpecificRecord> producer, long at) {
    for (int a = 0; a < agents; a++) {
      send(
          producer,
          AgentIdentity.newBuilder()
              .setAgentId("agent-" + a)
              .setPublicKey(keys.get(a).publicKey())
              .setTier(a % 10 == 0 ? IdentityTier.ATTESTED : IdentityTier.VERIFIED)
              .setController("controller-" + (a / 3))
              .setStake(0.0)
              .setRegisteredAt(Instant.ofEpochMilli(at))
              .build());
    }
    producer.flush();
  }

  private Claim claim(String id, int agent, String proposition, String domain, int label, long at) {
    Claim claim =
        Claim.newBuilder()
            .setClaimId(id)
            .setAgentId("agent-" + agent)
            .setPropositionId(proposition)
            .setDomain(domain)
            .setOutcomes(List.of("no", "yes"))
            .setProbabilities(label == 0 ? List.of(1.0, 0.0) : List.of(0.0, 1.0))
            .setHardLabel(true)
            .setEventTime(Instant.ofEpochMilli(at))
            .build();
    return keys.get(agent).sign(claim);
  }

  private static void send(KafkaProducer<String, SpecificRecord> producer, SpecificRecord record) {
    Topic topic = record instanceof Claim ? Topic.CLAIMS : Topic.AGENTS;
    String key = record instanceof Claim c ? c.getPropositionId() : ((AgentIdentity) record).getAgentId();
    long eventTime =
        record instanceof Claim c ? c.getEventTime().toEpochMilli() : ((AgentIdentity) record).getRegisteredAt().toEpochMilli();
    producer.send(new ProducerRecord<>(topic.defaultName(), null, eventTime, key, record));
  }

  private static KafkaProducer<String, SpecificRecord> producer(LocalStack stack) {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
            ProducerConfig.LINGER_MS_CONFIG, 5,
            ProducerConfig.BATCH_SIZE_CONFIG, 262_144),
        new StringSerializer(),
        new AvroWireSerializer<>(HttpSchemaRegistryClient.connect(stack.registryUrl())));
  }

  private static KafkaConsumer<byte[], byte[]> consumer(LocalStack stack) {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
            ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
        new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
  }
}
