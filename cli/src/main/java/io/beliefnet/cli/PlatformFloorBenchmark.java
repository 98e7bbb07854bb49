package io.beliefnet.cli;

import io.beliefnet.pipeline.BeliefJobConfig;
import io.beliefnet.pipeline.BeliefJobOptions;
import io.beliefnet.pipeline.InputEvent;
import io.beliefnet.pipeline.kafka.DecodingDeserializer;
import io.beliefnet.pipeline.kafka.KafkaTopics;
import io.beliefnet.topics.Topic;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * What a job of the belief job's shape costs on this machine before it does any of its work: the
 * claims topic, read to its end ({@code read_committed}) and decoded by the job's own decoder,
 * passes three keyed hops (agent; agent and domain; proposition), each reading and writing one
 * counter in RocksDB, and each claim's bytes are written to a topic of their own by an exactly-once
 * sink batching as the job's sinks do; same parallelism, checkpoint interval and state backend as
 * the local stack's job. No signature is checked and no belief computed, so its rate bounds what
 * the job could reach here with work of its own costing nothing. It is timed from the first claim
 * decoded to the last through the last hop, without the wait for the last commit.
 */
final class PlatformFloorBenchmark {

  private static final String OUTPUT_TOPIC = "platform-floor";

  /** Claims through the last hop, and when the first was decoded and the last got there. */
  private static final AtomicLong PASSED = new AtomicLong();

  private static final AtomicLong FIRST_NANOS = new AtomicLong(Long.MAX_VALUE);
  private static final AtomicLong LAST_NANOS = new AtomicLong();

  /**
   * The cores used from the first claim on ({@link CpuMeter#cores()}), read every {@link
   * #CPU_SAMPLE_EVERY}th claim through the last hop, since reading CPU clocks takes system calls.
   */
  private static final AtomicReference<CpuMeter> CPU = new AtomicReference<>();

  private static final AtomicReference<String> CORES = new AtomicReference<>("");
  private static final AtomicReference<Supplier<Duration>> BROKER_CPU = new AtomicReference<>();
  private static final int CPU_SAMPLE_EVERY = 1024;

  private PlatformFloorBenchmark() {}

  /** How many claims passed, at what rate, and the cores used meanwhile ({@link CpuMeter}). */
  record Result(long claims, double claimsPerSecond, String cores) {}

  /** Runs the floor job over the stack's claims topic, on an embedded cluster of its own. */
  static Result run(LocalStack stack, Path runDir) throws Exception {
    PASSED.set(0);
    FIRST_NANOS.set(Long.MAX_VALUE);
    LAST_NANOS.set(0);
    BROKER_CPU.set(stack::brokerCpuTime);
    createOutputTopic(stack.bootstrapServers());
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
    KafkaSink<byte[]> sink =
        KafkaTopics.exactlyOnceSink(
            config,
            OUTPUT_TOPIC,
            KafkaRecordSerializationSchema.<byte[]>builder()
                .setTopic(OUTPUT_TOPIC)
                .setValueSerializationSchema(new AsTheyAre())
                .build());
    TypeInformation<InputEvent> events = TypeInformation.of(InputEvent.class);
    env.fromSource(claims, WatermarkStrategy.noWatermarks(), "claims")
        .filter(event -> event.isClaim())
        .keyBy(InputEvent::agentId)
        .process(new CountingHop<String>(false), events)
        .keyBy(InputEvent::claimantKey, Types.TUPLE(Types.STRING, Types.STRING))
        .process(new CountingHop<Tuple2<String, String>>(false), events)
        .keyBy(InputEvent::propositionKey, Types.TUPLE(Types.STRING, Types.STRING))
        .process(new CountingHop<Tuple2<String, String>>(true), events)
        .map(event -> event.source.value)
        .returns(byte[].class)
        .sinkTo(sink);
    env.execute("platform floor");
    double seconds = (LAST_NANOS.get() - FIRST_NANOS.get()) / 1e9;
    return new Result(PASSED.get(), PASSED.get() / seconds, CORES.get());
  }

  private static void createOutputTopic(String bootstrapServers) throws InterruptedException {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      admin
          .createTopics(List.of(new NewTopic(OUTPUT_TOPIC, LocalStack.PARTITIONS, (short) 1)))
          .all()
          .get();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("cannot create topic " + OUTPUT_TOPIC, e.getCause());
      }
    }
  }

  /** A claim's bytes, written as they were read. */
  private static final class AsTheyAre implements SerializationSchema<byte[]> {
    private static final long serialVersionUID = 1L;

    @Override
    public byte[] serialize(byte[] bytes) {
      return bytes;
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
      seen = getRuntimeContext().getState(new ValueStateDescriptor<>("seen", Types.LONG));
    }

    @Override
    public void processElement(InputEvent event, Context context, Collector<InputEvent> out)
        throws Exception {
      long now = System.nanoTime();
      if (FIRST_NANOS.get() == Long.MAX_VALUE && FIRST_NANOS.compareAndSet(Long.MAX_VALUE, now)) {
        CPU.set(CpuMeter.start(BROKER_CPU.get()));
      }
      Long count = seen.value();
      seen.update(count == null ? 1 : count + 1);
      if (last) {
        LAST_NANOS.accumulateAndGet(now, Math::max);
        if (PASSED.incrementAndGet() % CPU_SAMPLE_EVERY == 0) {
          CORES.set(CPU.get().cores());
        }
      }
      out.collect(event);
    }
  }
}
