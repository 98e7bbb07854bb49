package io.beliefnet.cli;

import io.beliefnet.avro.AgentIdentity;
import io.beliefnet.avro.Belief;
import io.beliefnet.avro.Claim;
import io.beliefnet.avro.IdentityTier;
import io.beliefnet.avro.Outcome;
import io.beliefnet.avro.Rejected;
import io.beliefnet.avro.RejectionReason;
import io.beliefnet.kafka.KafkaBroker;
import io.beliefnet.kafka.NetworkTopics;
import io.beliefnet.pipeline.BeliefJob;
import io.beliefnet.pipeline.BeliefJobConfig;
import io.beliefnet.pipeline.BeliefJobOptions;
import io.beliefnet.pipeline.InputEvent;
import io.beliefnet.pipeline.JobSinks;
import io.beliefnet.pipeline.JobSources;
import io.beliefnet.pipeline.KafkaInput;
import io.beliefnet.pipeline.RunningJob;
import io.beliefnet.pipeline.kafka.KafkaBeliefJob;
import io.beliefnet.pipeline.kafka.KafkaTopics;
import io.beliefnet.registry.DevSchemaRegistryServer;
import io.beliefnet.signing.AgentKey;
import io.beliefnet.topics.Topic;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * The job alone: its whole topology on an embedded cluster with RocksDB and checkpoints, fed from
 * memory and writing to counting sinks; Kafka carries only the job's own feedback, one summed
 * record per agent and domain per checkpoint. Every claim lies in one domain, so the figure shows
 * how the job's hottest path scales with parallelism. Claims are signed in batches while they are
 * generated, which costs the source a few microseconds a claim.
 */
final class JobOnlyBenchmark {

  static final String DOMAIN = "bench/hot";
  private static final int AGENTS = 1000;
  private static final int PROPOSITIONS = 20_000;
  private static final int BATCH = 64;

  /**
   * Applied claims, when the source made the first claim and when the last was applied, across
   * subtasks (one JVM): timed from the first claim in, not the first belief out, since a stage that
   * holds events until the watermark releases them in bursts.
   */
  private static final AtomicLong APPLIED = new AtomicLong();

  /** Beliefs published again after their claim, because a re-stamp moved them. */
  private static final AtomicLong REPUBLISHED = new AtomicLong();

  private static final AtomicLong FIRST_NANOS = new AtomicLong(Long.MAX_VALUE);
  private static final AtomicLong LAST_NANOS = new AtomicLong();

  /**
   * The CPU time of the process and of the job's task threads from the first claim to the latest
   * sampled belief, with the sample's wall time: how many cores the job kept busy, and how many of
   * them its stages. Reading CPU clocks takes system calls, so only every {@link
   * #CPU_SAMPLE_EVERY}th applied belief reads them.
   */
  private static final AtomicReference<CpuMeter> CPU_SINCE_FIRST_CLAIM = new AtomicReference<>();

  private static final int CPU_SAMPLE_EVERY = 1024;
  private static final AtomicReference<CpuSample> LAST_CPU_SAMPLE = new AtomicReference<>();

  private record CpuSample(long processNanos, long taskNanos, long atNanos) {}

  private static final Map<RejectionReason, Long> REJECTED = new ConcurrentHashMap<>();

  /** The event time of the run's last input: a belief stamped later comes from a re-stamp. */
  private static volatile long lastEventTime;

  private JobOnlyBenchmark() {}

  /** What one run measured. */
  record Result(
      int parallelism,
      long applied,
      Map<RejectionReason, Long> rejected,
      double claimsPerSecond,
      double coresUsed,
      double taskCoresUsed,
      long republished,
      long feedbackRecords) {}

  /**
   * Runs {@code claims} claims through the job at {@code parallelism}, their propositions spread
   * over {@code domains} domains ({@link #DOMAIN} alone if 1): the inputs come from memory and the
   * outputs are counted, and only the job's own feedback topic lives on a broker, started here
   * under {@code stateDir}, in a folder of each run's own.
   */
  static Result run(int parallelism, int requested, int domains, Path stateDir) throws Exception {
    int claims = requested - requested % parallelism; // an equal range for each source subtask
    long feedbackRecords;
    Path runDir = stateDir.resolve("parallelism-" + parallelism);
    LocalStack.wipe(runDir);
    APPLIED.set(0);
    REPUBLISHED.set(0);
    REJECTED.clear();
    FIRST_NANOS.set(Long.MAX_VALUE);
    LAST_NANOS.set(0);
    LAST_CPU_SAMPLE.set(null);
    CPU_SINCE_FIRST_CLAIM.set(null);
    // event times lie in the past, one millisecond apart, so the wall clock never holds them back
    long base = System.currentTimeMillis() - claims - 60_000;
    lastEventTime = base + claims;
    try (KafkaBroker broker = KafkaBroker.start(runDir.resolve("kafka"), 0);
        DevSchemaRegistryServer registry = DevSchemaRegistryServer.start(0)) {
      NetworkTopics.create(broker.bootstrapServers(), parallelism);
      Configuration flink = LocalStack.flinkConfiguration(runDir);
      flink.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
      StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(flink);
      Configuration options = new Configuration();
      options.set(BeliefJobOptions.BOOTSTRAP_SERVERS, broker.bootstrapServers());
      options.set(BeliefJobOptions.SCHEMA_REGISTRY_URL, registry.url());
      // Flink's Kafka sink keeps transactional-id prefixes per JVM: each run, and the local stack
      // run before them in 'bench', needs its own
      options.set(
          BeliefJobOptions.TRANSACTIONAL_ID_PREFIX,
          "job-only-" + parallelism + "-" + UUID.randomUUID());
      LocalStack.trustTheDevelopmentAuthorities(options);
      BeliefJobConfig config = BeliefJobConfig.from(options);
      JobSources sources =
          new JobSources(
              new DataGeneratorSource<>(
                  new BatchedClaims(base, parallelism, claims, domains),
                  claims,
                  TypeInformation.of(InputEvent.class)),
              new DataGeneratorSource<>(
                  new Resolution(base + claims, domainOf(0, domains)),
                  1,
                  TypeInformation.of(InputEvent.class)),
              new DataGeneratorSource<>(
                  new Registrations(base - 1_000),
                  AGENTS + 1,
                  TypeInformation.of(InputEvent.class)),
              KafkaTopics.feedbackSource(config));
      JobSinks sinks =
          new JobSinks(
              new CountingSink<>(Tally.APPLIED),
              new CountingSink<>(Tally.NONE),
              new CountingSink<>(Tally.NONE),
              new CountingSink<>(Tally.NONE),
              new CountingSink<>(Tally.REJECTED),
              KafkaBeliefJob.feedbackSink(config));
      new BeliefJob(sources, sinks, config).build(env);
      JobClient job = env.executeAsync("job-only benchmark");
      // the feedback source never ends: stop once every claim is applied or refused
      while (APPLIED.get() + REJECTED.values().stream().mapToLong(Long::longValue).sum()
          < claims + 1) {
        if (job.getJobStatus().get().isTerminalState()) {
          job.getJobExecutionResult().get(); // says why it ended
        }
        Thread.sleep(200);
      }
      feedbackRecords =
          committedRecords(broker.bootstrapServers(), config.topic(Topic.MODEL_FEEDBACK));
      RunningJob.cancel(job, Duration.ofMinutes(1));
    }
    long applied = APPLIED.get();
    double nanos = LAST_NANOS.get() - FIRST_NANOS.get();
    CpuSample cpu = LAST_CPU_SAMPLE.get();
    return new Result(
        parallelism,
        applied,
        Map.copyOf(REJECTED),
        applied / (nanos / 1e9),
        cpu == null // a run of fewer beliefs than one sample
            ? Double.NaN
            : cpu.processNanos() / (double) (cpu.atNanos() - FIRST_NANOS.get()),
        cpu == null ? Double.NaN : cpu.taskNanos() / (double) (cpu.atNanos() - FIRST_NANOS.get()),
        REPUBLISHED.get(),
        feedbackRecords);
  }

  /** How many records {@code topic} holds committed, the job still running. */
  private static long committedRecords(String bootstrapServers, String topic) {
    try (KafkaConsumer<byte[], byte[]> consumer = StackClients.consumer(bootstrapServers)) {
      List<TopicPartition> partitions = StackClients.assignAll(consumer, topic);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions); // the last stable offsets
      long records = 0;
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        records += consumer.poll(Duration.ofMillis(200)).count();
      }
      return records;
    }
  }

  /**
   * The domain of proposition {@code p{proposition}} when propositions spread over {@code domains}.
   */
  private static String domainOf(long proposition, int domains) {
    return domains == 1 ? DOMAIN : "bench/spread-" + proposition % domains;
  }

  private static KafkaInput position(String topic, long index, long timestamp) {
    return new KafkaInput(topic, 0, index, timestamp, null, new byte[0]);
  }

  /**
   * Claim i, with event times one millisecond apart in the order the source's subtasks emit them
   * together: each of the {@code splits} subtasks emits a contiguous range of indexes, so claim i
   * of range r is at base + (i - r's start) × splits + r, and no subtask runs ahead of the others
   * in event time. Consecutive claims come from one agent in batches of {@link #BATCH}, each batch
   * signed once, as a high-volume agent would send them.
   */
  private static final class BatchedClaims implements GeneratorFunction<Long, InputEvent> {
    private static final long serialVersionUID = 1L;
    private final long base;
    private final int splits;
    private final long perSplit;
    private final int domains;
    private transient long batchStart;
    private transient List<Claim> batch;

    BatchedClaims(long base, int splits, int claims, int domains) {
      this.base = base;
      this.splits = splits;
      this.perSplit = claims / splits;
      this.domains = domains;
    }

    private long eventTime(long index) {
      return base + (index % perSplit) * splits + index / perSplit;
    }

    @Override
    public InputEvent map(Long index) {
      long now = System.nanoTime();
      if (FIRST_NANOS.get() == Long.MAX_VALUE && FIRST_NANOS.compareAndSet(Long.MAX_VALUE, now)) {
        // the broker's share is not reported here
        CPU_SINCE_FIRST_CLAIM.set(CpuMeter.start(() -> Duration.ZERO));
      }
      long start = index - index % BATCH;
      if (batch == null || start != batchStart) {
        batch = signedBatch(start);
        batchStart = start;
      }
      Claim claim = batch.get((int) (index - start));
      return InputEvent.ofClaim(
          position("claims", index, claim.getEventTime().toEpochMilli()), claim);
    }

    private List<Claim> signedBatch(long start) {
      int agent = (int) ((start / BATCH) % AGENTS);
      List<Claim> claims = new ArrayList<>(BATCH);
      for (long i = start; i < start + BATCH; i++) {
        long proposition = (i * 7919) % PROPOSITIONS;
        boolean yes = Long.hashCode(i * 31 + proposition) % 3 != 0;
        claims.add(
            Claim.newBuilder()
                .setClaimId("c" + i)
                .setAgentId("agent-" + agent)
                .setPropositionId("p" + proposition)
                .setDomain(domainOf(proposition, domains))
                .setOutcomes(List.of("no", "yes"))
                .setProbabilities(yes ? List.of(0.0, 1.0) : List.of(1.0, 0.0))
                .setHardLabel(true)
                .setEventTime(Instant.ofEpochMilli(eventTime(i)))
                .build());
      }
      return AgentKey.fromSeed(agent).signBatch(LocalStack.NETWORK, claims);
    }
  }

  /** The outcome of the first proposition, after every claim, so that the run ends resolving. */
  private record Resolution(long at, String domain) implements GeneratorFunction<Long, InputEvent> {
    @Override
    public InputEvent map(Long index) {
      Outcome outcome =
          Outcome.newBuilder()
              .setOutcomeId("o" + index)
              .setPropositionId("p0")
              .setDomain(domain)
              .setOutcome("yes")
              .setResolverId(LocalStack.RESOLVER)
              .setObservedAt(Instant.ofEpochMilli(at))
              .build();
      return InputEvent.ofOutcome(
          position("outcomes", index, at),
          LocalStack.resolverKey().sign(LocalStack.NETWORK, outcome));
    }
  }

  /**
   * Agent i registered at {@code at}, every tenth attested and the rest verified, and last the
   * resolver.
   */
  private static final class Registrations implements GeneratorFunction<Long, InputEvent> {
    private static final long serialVersionUID = 1L;
    private final long at;

    Registrations(long at) {
      this.at = at;
    }

    @Override
    public InputEvent map(Long index) {
      int agent = index.intValue();
      boolean resolver = agent == AGENTS;
      AgentIdentity identity =
          AgentIdentity.newBuilder()
              .setAgentId(resolver ? LocalStack.RESOLVER : "agent-" + agent)
              .setPublicKey(
                  (resolver ? LocalStack.resolverKey() : AgentKey.fromSeed(agent)).publicKey())
              .setTier(agent % 10 == 0 ? IdentityTier.ATTESTED : IdentityTier.VERIFIED)
              .setController(resolver ? LocalStack.RESOLVER : "controller-" + agent)
              .setStake(0.0)
              .setRegisteredAt(Instant.ofEpochMilli(at))
              .build();
      return InputEvent.ofAgent(
          position("agents", index, at), LocalStack.authority().sign(LocalStack.NETWORK, identity));
    }
  }

  /**
   * What a sink counts: beliefs published for an input (one per applied claim or outcome, timed;
   * beliefs a re-stamp publishes carry a later, wall-clock time), rejections, or nothing.
   */
  private enum Tally {
    NONE,
    APPLIED,
    REJECTED;

    void count(Object record) {
      if (this == REJECTED) {
        JobOnlyBenchmark.REJECTED.merge(((Rejected) record).getReasonCode(), 1L, Long::sum);
      } else if (this == APPLIED) {
        countBelief((Belief) record);
      }
    }

    /** A belief published for an input is timed; one a re-stamp published is counted apart. */
    private static void countBelief(Belief belief) {
      if (belief.getUpdatedAt().toEpochMilli() > lastEventTime) {
        REPUBLISHED.incrementAndGet();
      } else {
        long applied = JobOnlyBenchmark.APPLIED.incrementAndGet();
        long now = System.nanoTime();
        LAST_NANOS.accumulateAndGet(now, Math::max);
        CpuMeter cpu = CPU_SINCE_FIRST_CLAIM.get();
        if (applied % CPU_SAMPLE_EVERY == 0 && cpu != null) {
          LAST_CPU_SAMPLE.set(new CpuSample(cpu.processNanos(), cpu.taskNanos(), now));
        }
      }
    }
  }

  /** Discards records, tallying them in this JVM (the embedded cluster runs in it). */
  private record CountingSink<T>(Tally tally) implements Sink<T> {
    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
      return new SinkWriter<>() {
        @Override
        public void write(T element, Context context) {
          tally.count(element);
        }

        @Override
        public void flush(boolean endOfInput) {}

        @Override
        public void close() {}
      };
    }
  }
}
