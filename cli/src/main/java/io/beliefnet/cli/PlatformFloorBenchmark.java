package io.beliefnet.cli;

import io.beliefnet.kafka.NetworkTopics;
import io.beliefnet.pipeline.BeliefJobConfig;
import io.beliefnet.pipeline.BeliefJobOptions;
import io.beliefnet.pipeline.InputEvent;
import io.beliefnet.pipeline.kafka.DecodingDeserializer;
import io.beliefnet.pipeline.kafka.KafkaTopics;
import io.beliefnet.topics.Topic;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * What a job of the belief job's shape costs on this machine before it does any of its work: the
 * claims topic, read to its end ({@code read_committed}) and decoded by the job's own decoder,
 * passes three keyed hops (agent; agent and domain; proposition), each reading and writing one
 * counter in RocksDB, and each claim's bytes are written, keyed by proposition as beliefs are, to a
 * topic of their own by an exactly-once sink batching as the job's sinks do; same parallelism,
 * checkpoint interval and state backend as the local stack's job. No signature is checked and no
 * belief computed, so its rate bounds what the job could reach here with work of its own costing
 * nothing. Two rates: up to the last claim through the last hop, and up to the job's end, after its
 * last commit.
 */
final class PlatformFloorBenchmark {

  private static final String OUTPUT_TOPIC = "platform-floor";

  private static final ValueStateDescriptor<Long> SEEN =
      new ValueStateDescriptor<>("seen", Types.LONG);

  /** How often the benchmark's own thread looks at the job and samples the CPU clocks. */
  private static final Duration SAMPLE_EVERY = Duration.ofMillis(100);

  /**
   * Claims through the last hop, and when the first reached the first hop and the last the last.
   */
  private static final AtomicLong PASSED = new AtomicLong();

  private static final AtomicLong FIRST_NANOS = new AtomicLong(Long.MAX_VALUE);
  private static final AtomicLong LAST_NANOS = new AtomicLong();

  private PlatformFloorBenchmark() {}

  /**
   * How many claims passed; their rate through the last hop and up to the job's end; and the cores
   * used while they flowed ({@link CpuMeter#cores()}, sampled every {@link #SAMPLE_EVERY} from the
   * first claim seen to the last; the task threads include those of the stack's idle job).
   */
  record Result(long claims, double claimsPerSecond, double toEndClaimsPerSecond, String cores) {}

  /** Runs the floor job over the stack's claims topic, on an embedded cluster of its own. */
  static Result run(LocalStack stack, Path runDir) throws Exception {
    PASSED.set(0);
    FIRST_NANOS.set(Long.MAX_VALUE);
    LAST_NANOS.set(0);
    NetworkTopics.create(
        stack.bootstrapServers(), new NewTopic(OUTPUT_TOPIC, LocalStack.PARTITIONS, (short) 1));
    LocalStack.wipe(runDir);
    Configuration flink = LocalStack.flinkConfiguration(runDir);
    flink.set(RestartStrategyOptions.RESTART_STRATEGY, "none"); // a failure ends the bench with it
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(flink);
    Configuration options = new Configuration();
    options.set(BeliefJobOptions.BOOTSTRAP_SERVERS, stack.bootstrapServers());
    // Flink's Kafka sink keeps transactional-id prefixes per JVM, which also runs the stack's job
    options.set(BeliefJobOptions.TRANSACTIONAL_ID_PREFIX, "floor-" + UUID.randomUUID());
    BeliefJobConfig config = BeliefJobConfig.from(options);
    KafkaSource<InputEvent> claims =
        KafkaSource.<InputEvent>builder()
            .setBootstrapServers(stack.bootstrapServers())
            .setTopics(Topic.CLAIMS.defaultName())
            .setGroupId("platform-floor")
            .setStartingOffsets(OffsetsInitializer.earliest())
            .setBounded(OffsetsInitializer.latest())
            .setDeserializer(
                new DecodingDeserializer(
                    Topic.CLAIMS,
                    stack.registryUrl(),
                    config.maxClockSkew(),
                    config.maxOutOfOrderness()))
            .setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
            .build();
    TypeInformation<InputEvent> events = TypeInformation.of(InputEvent.class);
    env.fromSource(claims, WatermarkStrategy.noWatermarks(), "claims")
        .filter(InputEvent::isClaim)
        .keyBy(InputEvent::agentId)
        .process(new CountingHop<String>(false), events)
        .keyBy(InputEvent::claimantKey, Types.TUPLE(Types.STRING, Types.STRING))
        .process(new CountingHop<Tuple2<String, String>>(false), events)
        .keyBy(InputEvent::propositionKey, Types.TUPLE(Types.STRING, Types.STRING))
        .process(new CountingHop<Tuple2<String, String>>(true), events)
        .sinkTo(KafkaTopics.exactlyOnceSink(config, OUTPUT_TOPIC, new ClaimBytes()));
    // the embedded cluster shuts down with the job, so the job's result is what to wait on
    CompletableFuture<JobExecutionResult> done =
        env.executeAsync("platform floor").getJobExecutionResult();
    CpuMeter cpu = null;
    String cores = "";
    long sampledAt = 0;
    while (!done.isDone()) {
      Thread.sleep(SAMPLE_EVERY.toMillis());
      if (cpu == null && PASSED.get() > 0) {
        cpu = CpuMeter.start(stack::brokerCpuTime);
      } else if (cpu != null && LAST_NANOS.get() > sampledAt) { // claims still flowing
        sampledAt = System.nanoTime();
        cores = cpu.cores();
      }
    }
    done.get(); // says why it failed, if it did
    long end = System.nanoTime();
    long passed = PASSED.get();
    return new Result(
        passed,
        passed / ((LAST_NANOS.get() - FIRST_NANOS.get()) / 1e9),
        passed / ((end - FIRST_NANOS.get()) / 1e9),
        cores);
  }

  /** A claim's bytes as they were read, keyed by its proposition as the job keys beliefs. */
  private static final class ClaimBytes implements KafkaRecordSerializationSchema<InputEvent> {
    private static final long serialVersionUID = 1L;

    @Override
    public ProducerRecord<byte[], byte[]> serialize(
        InputEvent event, KafkaSinkContext context, Long timestamp) {
      return new ProducerRecord<>(
          OUTPUT_TOPIC,
          event.claim.getPropositionId().getBytes(StandardCharsets.UTF_8),
          event.source.value);
    }
  }

  /**
   * Reads, counts up and writes one value of its key in keyed state, and passes the claim on; the
   * last hop also times it.
   */
  private static final class CountingHop<K>
      extends KeyedProcessFunction<K, InputEvent, InputEvent> {
    private static final long serialVersionUID = 1L;
    private final boolean last;
    private transient ValueState<Long> seen;

    CountingHop(boolean last) {
      this.last = last;
    }

    @Override
    public void open(OpenContext context) {
      seen = getRuntimeContext().getState(SEEN);
    }

    @Override
    public void processElement(InputEvent event, Context context, Collector<InputEvent> out)
        throws Exception {
      long now = System.nanoTime();
      FIRST_NANOS.accumulateAndGet(now, Math::min);
      Long count = seen.value();
      seen.update(count == null ? 1 : count + 1);
      if (last) {
        LAST_NANOS.accumulateAndGet(now, Math::max);
        PASSED.incrementAndGet();
      }
      out.collect(event);
    }
  }
}
