package io.beliefnet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.beliefnet.avro.AgentIdentity;
import io.beliefnet.avro.Belief;
import io.beliefnet.avro.Claim;
import io.beliefnet.avro.IdentityTier;
import io.beliefnet.model.AgentDomainState;
import io.beliefnet.registry.AvroRecordDecoder;
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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code belief bench}: the load harness. Starts the local stack and runs four scenarios through
 * it, each with claims of its own: {@code batched} (signed batches, claims spread over domains),
 * {@code per-claim} (one signature per claim), {@code hot-domain} (signed batches, every claim in
 * one domain) and {@code half-load} (a producer paced at half the {@code batched} rate), after a
 * {@code warm-up} of as many claims, in which the JIT compiles most of the job's path (a fifth as
 * many left it compiling hard through the first timed scenario: batched 8,118 claims/s after it,
 * 9,430–12,505 in four runs after a full one; the compiler still takes 0.2–0.4 cores after it, as
 * each line's {@code cores_compiling} shows). For each it prints the sustained rate, from the first
 * claim sent to the last claim's belief readable (read_committed), the latency percentiles of the
 * same span per claim, and the cores this process (the cluster and the bench's clients), the
 * threads of the job's tasks within it, its JIT compiler and the broker kept busy over it ({@link
 * CpuMeter}): in one run, batched took 0.95 cores of task threads at 9,051 claims/s, 105 us of the
 * job's own CPU per claim, and the job alone 57-58 us at parallelism 1 and 2 alike. While it waits
 * for the beliefs after its last claim, the stream stays live, as a continuing one does: an
 * attested keeper sends a claim stamped with the wall clock (or the backlog's newest event time
 * while that is ahead of the clock) to each claims partition every {@link #KEEP_ALIVE}, so the last
 * out-of-orderness of a backlog is released as event time passes it rather than after the idle
 * timeout (5 s, which capped what a backlog of 100,000 claims could show). Then the raw consume
 * rate of the same claims topic, the rate of a job of the same shape that does none of the job's
 * work over it ({@link PlatformFloorBenchmark}), checkpoint figures, state bytes and the
 * parallelism, and last the job alone on the hot-domain workload at parallelism 1 and 2, and on the
 * same claims spread over the domains at parallelism 2 ({@link JobOnlyBenchmark}).
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description =
        "Measures throughput, latency, checkpoints and state size of the job on this machine.")
final class BenchCommand implements Callable<Integer> {

  /** How long a scenario waits for a belief it has not seen before giving up on the rest. */
  private static final Duration STALL_TIMEOUT = Duration.ofSeconds(60);

  /** How often the keeper sends each claims partition a claim while a scenario waits. */
  static final Duration KEEP_ALIVE = Duration.ofMillis(200);

  /** How far ahead a scenario's first claim is stamped: time to sign all of them. */
  private static final Duration SIGNING_LEAD = Duration.ofSeconds(5);

  @Option(
      names = "--claims",
      defaultValue = "100000",
      description =
          "Claims per scenario (default: ${DEFAULT-VALUE}): enough that the wait for the last"
              + " beliefs' checkpoint, about two seconds, is a small part of the sustained rate.")
  int claims;

  @Option(
      names = "--agents",
      defaultValue = "1000",
      description = "Registered agents (default: ${DEFAULT-VALUE}).")
  int agents;

  @Option(
      names = "--propositions",
      defaultValue = "20000",
      description = "Propositions claimed on per scenario (default: ${DEFAULT-VALUE}).")
  int propositions;

  @Option(
      names = "--domains",
      defaultValue = "8",
      description = "Domains the spread scenarios use (default: ${DEFAULT-VALUE}).")
  int domains;

  @Option(
      names = "--job-only",
      description = "Measure only the job, fed from memory with no Kafka, at parallelism 1 and 2.")
  boolean jobOnly;

  @Option(
      names = "--state-dir",
      defaultValue = ".belief/bench",
      description = "State folder, wiped at start (default: ${DEFAULT-VALUE}).")
  Path stateDir;

  private final List<AgentKey> keys = new ArrayList<>();
  private AgentKey keeper;
  private long keepAlives;

  /** The newest event time sent so far: each scenario starts after it. */
  private long newestEventTime;

  @Override
  public Integer call() throws Exception {
    if (!jobOnly) {
      for (int a = 0; a < agents; a++) {
        keys.add(AgentKey.fromSeed(a));
      }
      keeper = AgentKey.fromSeed(agents);
      runScenarios();
    }
    // compiles the job's hot path before either parallelism is timed; printed, not a figure
    jobOnly("warm-up", 2, claims, 1);
    for (int parallelism = 1; parallelism <= 2; parallelism++) {
      jobOnly("hot-domain", parallelism, claims, 1);
    }
    // the same claims spread over the domains: what many agent-domains cost the job itself
    jobOnly("spread", 2, claims, domains);
    return 0;
  }

  private void jobOnly(String workload, int parallelism, int count, int domainCount)
      throws Exception {
    JobOnlyBenchmark.Result result =
        JobOnlyBenchmark.run(
            parallelism, count, domainCount, stateDir.toAbsolutePath().resolve("job-only"));
    System.out.printf(
        "job_only workload=%s parallelism=%d claims_per_s=%.0f cores_used=%.2f"
            + " cores_tasks=%.2f applied=%d rejected=%s republished_per_claim=%.2f"
            + " feedback_records_per_claim=%.2f%n",
        workload,
        result.parallelism(),
        result.claimsPerSecond(),
        result.coresUsed(),
        result.taskCoresUsed(),
        result.applied(),
        result.rejected(),
        result.republished() / (double) result.applied(),
        result.feedbackRecords() / (double) result.applied());
  }

  private void runScenarios() throws Exception {
    try (LocalStack stack = LocalStack.start(stateDir.toAbsolutePath(), 0);
        KafkaProducer<String, SpecificRecord> producer = StackClients.producer(stack)) {
      long registeredAt = System.currentTimeMillis();
      register(producer, registeredAt);
      newestEventTime = registeredAt;
      // compiles the job's hot path before anything is timed; its line is printed but not a figure
      run(
          stack,
          producer,
          new BenchWorkload(
              "warm-up", claims, agents, propositions, domains, true, BenchWorkload.BACKLOG));
      Measured batched = run(stack, producer, backlog("batched", domains, true));
      run(stack, producer, backlog("per-claim", domains, false));
      run(stack, producer, backlog("hot-domain", 1, true));
      double halfRate = batched.claimsPerSecond() / 2;
      run(
          stack,
          producer,
          new BenchWorkload(
              "half-load", claims, agents, propositions, domains, true, halfRate / 1000));
      System.out.printf(
          "raw_kafka_consume_records_per_s=%.0f (same claims topic, plain consumer)%n",
          rawConsumeRate(stack));
      PlatformFloorBenchmark.Result floor =
          PlatformFloorBenchmark.run(stack, stateDir.resolve("platform-floor"));
      System.out.printf(
          Locale.ROOT,
          "platform_floor_claims_per_s=%.0f (claims=%d to_job_end_claims_per_s=%.0f, the same"
              + " claims topic through the job's decoder, three keyed hops with one RocksDB value"
              + " each and an exactly-once sink; no signature check, no model; %s)%n",
          floor.claimsPerSecond(),
          floor.claims(),
          floor.toEndClaimsPerSecond(),
          floor.cores());
      // a claim whose belief a scenario did not read went here, with its reason
      System.out.printf("dead_letters_by_reason=%s%n", StackClients.deadLettersByReason(stack));
      JsonNode checkpoint = latestCheckpoint(stack);
      System.out.printf(
          "checkpoint end_to_end_ms=%d state_size_bytes=%d checkpointed_size_bytes=%d%n",
          checkpoint.path("end_to_end_duration").asLong(),
          checkpoint.path("state_size").asLong(),
          checkpoint.path("checkpointed_size").asLong());
      System.out.printf(
          "state_bytes_per_proposition=%.0f state_bytes_per_agent_domain=%d"
              + " (%d claims on %d propositions, K = 2)%n",
          backlog("state", domains, true).stateBytesPerProposition(),
          AgentDomainState.serializedBytes(2),
          claims,
          propositions);
      System.out.printf(
          "parallelism=%d cores=%d agents=%d claims_per_scenario=%d%n",
          LocalStack.PARTITIONS, Runtime.getRuntime().availableProcessors(), agents, claims);
    }
  }

  private BenchWorkload backlog(String name, int domainCount, boolean batched) {
    return new BenchWorkload(
        name, claims, agents, propositions, domainCount, batched, BenchWorkload.BACKLOG);
  }

  /** A scenario's claims sent to the job, and when each one's belief became readable. */
  private record Measured(long[] latencies, long firstSentAt, long lastReadAt) {
    double claimsPerSecond() {
      return latencies.length * 1000.0 / Math.max(1, lastReadAt - firstSentAt);
    }

    long percentile(double q) {
      return latencies.length == 0
          ? -1
          : latencies[(int) Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
    }
  }

  /**
   * Sends the workload's claims, each when its event time comes if the workload is paced, or all at
   * once as a backlog when the first one's comes, and reads beliefs until each claim's is readable;
   * prints the line.
   */
  private Measured run(
      LocalStack stack, KafkaProducer<String, SpecificRecord> producer, BenchWorkload workload)
      throws Exception {
    boolean paced = workload.perMillisecond() < BenchWorkload.BACKLOG;
    long base = Math.max(System.currentTimeMillis() + SIGNING_LEAD.toMillis(), newestEventTime + 1);
    List<Claim> signed = workload.signed(base, keys);
    Thread.sleep(Math.max(0, base - System.currentTimeMillis()));
    Map<String, Integer> byOutput = new HashMap<>();
    for (int i = 0; i < signed.size(); i++) {
      byOutput.put(outputKey(signed.get(i).getPropositionId(), workload.eventTime(base, i)), i);
    }
    long[] sentAt = new long[signed.size()];
    long[] readAt = new long[signed.size()];
    AvroRecordDecoder<Belief> decoder =
        new AvroRecordDecoder<>(
            HttpSchemaRegistryClient.connect(stack.registryUrl()), Belief.class);
    CpuMeter cpu;
    try (KafkaConsumer<byte[], byte[]> beliefs = StackClients.consumerAtEnd(stack, Topic.BELIEFS)) {
      cpu = CpuMeter.start(stack::brokerCpuTime);
      for (int i = 0; i < signed.size(); i++) {
        if (paced) {
          pace(workload.eventTime(base, i), beliefs, decoder, byOutput, readAt);
        }
        sentAt[i] = System.currentTimeMillis();
        send(producer, signed.get(i));
      }
      producer.flush();
      newestEventTime = workload.eventTime(base, signed.size() - 1);
      int read = (int) Arrays.stream(readAt).filter(t -> t > 0).count();
      long deadline = System.currentTimeMillis() + STALL_TIMEOUT.toMillis();
      while (read < signed.size() && System.currentTimeMillis() < deadline) {
        keepAlive(producer);
        int fresh = poll(beliefs, decoder, byOutput, readAt, KEEP_ALIVE);
        if (fresh > 0) {
          read += fresh;
          deadline = System.currentTimeMillis() + STALL_TIMEOUT.toMillis();
        }
      }
    }
    List<Long> latencies = new ArrayList<>();
    long lastReadAt = 0;
    for (int i = 0; i < readAt.length; i++) {
      if (readAt[i] > 0) {
        latencies.add(readAt[i] - sentAt[i]);
        lastReadAt = Math.max(lastReadAt, readAt[i]);
      }
    }
    String cores = cpu.cores();
    long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    Measured measured = new Measured(sorted, sentAt[0], lastReadAt);
    System.out.printf(
        "scenario=%s sustained_claims_per_s=%.0f p50_ms=%d p95_ms=%d p99_ms=%d"
            + " (claims=%d beliefs_read=%d%s %s)%n",
        workload.name(),
        measured.claimsPerSecond(),
        measured.percentile(0.50),
        measured.percentile(0.95),
        measured.percentile(0.99),
        signed.size(),
        sorted.length,
        paced ? String.format(" paced_at=%.0f/s", workload.perMillisecond() * 1000) : "",
        cores);
    return measured;
  }

  /**
   * One claim from the keeper to each claims partition, stamped now, or with the newest event time
   * sent while a backlog stamped ahead of the clock is still ahead of it: stamped behind that
   * backlog, it would come after the watermark had passed it and be refused as late.
   */
  private void keepAlive(KafkaProducer<String, SpecificRecord> producer) {
    long at = Math.max(System.currentTimeMillis(), newestEventTime);
    for (int partition = 0; partition < LocalStack.PARTITIONS; partition++) {
      Claim claim =
          keeper.sign(LocalStack.NETWORK, BenchWorkload.keepAlive(partition, keepAlives++, at));
      producer.send(
          new ProducerRecord<>(
              Topic.CLAIMS.defaultName(), partition, at, claim.getPropositionId(), claim));
    }
    producer.flush();
  }

  /**
   * Reads beliefs until {@code until}, at least once, so that a paced producer's latencies are
   * measured as the beliefs arrive and not when the last claim has been sent.
   */
  private static void pace(
      long until,
      KafkaConsumer<byte[], byte[]> beliefs,
      AvroRecordDecoder<Belief> decoder,
      Map<String, Integer> byOutput,
      long[] readAt) {
    do {
      long left = Math.max(0, until - System.currentTimeMillis());
      poll(beliefs, decoder, byOutput, readAt, Duration.ofMillis(Math.min(left, 10)));
    } while (System.currentTimeMillis() < until);
  }

  /** Notes when each claim's first belief was read; returns how many were new. */
  private static int poll(
      KafkaConsumer<byte[], byte[]> beliefs,
      AvroRecordDecoder<Belief> decoder,
      Map<String, Integer> byOutput,
      long[] readAt,
      Duration timeout) {
    int fresh = 0;
    for (ConsumerRecord<byte[], byte[]> record : beliefs.poll(timeout)) {
      Belief belief = decoder.decode(record.value());
      Integer claim =
          byOutput.get(outputKey(belief.getPropositionId(), belief.getUpdatedAt().toEpochMilli()));
      if (claim != null && readAt[claim] == 0) {
        readAt[claim] = System.currentTimeMillis();
        fresh++;
      }
    }
    return fresh;
  }

  private static String outputKey(String propositionId, long eventTime) {
    return propositionId + "@" + eventTime;
  }

  private double rawConsumeRate(LocalStack stack) {
    try (KafkaConsumer<byte[], byte[]> consumer = StackClients.consumer(stack)) {
      consumer.subscribe(List.of(Topic.CLAIMS.defaultName()));
      long read = 0;
      long total = 4L * claims;
      long began = System.nanoTime();
      long deadline = began + Duration.ofMinutes(2).toNanos();
      while (read < total && System.nanoTime() < deadline) {
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
                        URI.create(
                            stack.flinkRestUrl()
                                + "/jobs/"
                                + stack.job().getJobID()
                                + "/checkpoints"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return new ObjectMapper().readTree(response.body()).path("latest").path("completed");
  }

  /**
   * Registers the agents at {@code at}, issued by the local authority (every tenth is attested, the
   * rest verified), and the keeper, attested.
   */
  private void register(KafkaProducer<String, SpecificRecord> producer, long at) {
    for (int a = 0; a < agents; a++) {
      IdentityTier tier = a % 10 == 0 ? IdentityTier.ATTESTED : IdentityTier.VERIFIED;
      send(
          producer,
          registration(BenchWorkload.agent(a), keys.get(a), tier, "controller-" + (a / 3), at));
    }
    send(producer, registration(BenchWorkload.KEEPER, keeper, IdentityTier.ATTESTED, "keeper", at));
    producer.flush();
  }

  /** An unstaked agent's registration, issued by the local authority. */
  private static AgentIdentity registration(
      String agentId, AgentKey key, IdentityTier tier, String controller, long at) {
    return LocalStack.authority()
        .sign(
            LocalStack.NETWORK,
            AgentIdentity.newBuilder()
                .setAgentId(agentId)
                .setPublicKey(key.publicKey())
                .setTier(tier)
                .setController(controller)
                .setStake(0.0)
                .setRegisteredAt(Instant.ofEpochMilli(at))
                .build());
  }

  private static void send(KafkaProducer<String, SpecificRecord> producer, SpecificRecord record) {
    Topic topic = record instanceof Claim ? Topic.CLAIMS : Topic.AGENTS;
    String key =
        record instanceof Claim c ? c.getPropositionId() : ((AgentIdentity) record).getAgentId();
    long eventTime =
        record instanceof Claim c
            ? c.getEventTime().toEpochMilli()
            : ((AgentIdentity) record).getRegisteredAt().toEpochMilli();
    producer.send(new ProducerRecord<>(topic.defaultName(), null, eventTime, key, record));
  }
}
