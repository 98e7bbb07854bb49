package io.beliefnet.pipeline;

import io.beliefnet.avro.Belief;
import io.beliefnet.avro.Rejected;
import io.beliefnet.topics.Topic;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.state.rocksdb.RocksDBConfigurableOptions;
import org.apache.flink.state.rocksdb.RocksDBOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.rocksdb.CompressionType;

/**
 * The belief-updating job: decodes and validates the input topics, verifies each claim and outcome
 * against its signer's registered identity, weighs each claim with its agent's reliability in the
 * domain and applies it to its proposition; what propositions teach agents and domains goes round
 * through the feedback topic. Every record that is not applied goes to the dead-letter sink with
 * its reason.
 *
 * <pre>
 * agents, claims, outcomes --decode--> keyBy(agent): identity, signatures, rate
 *   claims, revocations + model-feedback (agents) --> keyBy(agent, domain): claimants
 *       weigh claims, learn, re-stamp open claims, reliabilities
 *   weighed claims, notices + outcomes --> keyBy(domain, proposition): propositions
 *       beliefs, settlements; feedback summed per checkpoint --> model-feedback
 *   model-feedback (domains) --> keyBy(domain): domains --broadcast--> claimants, propositions
 * every stage --rejections--> rejected
 * </pre>
 */
public final class BeliefJob {

  public static final String NAME = "belief-updating";

  /**
   * Key groups of every keyed stage: the most subtasks a stage can ever be scaled to. Keyed state
   * is stored by key group, so a savepoint restores only into a job with the same number: changing
   * it means starting the job afresh.
   */
  public static final int MAX_PARALLELISM = 4096;

  /** The type of the claimant and proposition stages' keys: (agent, domain), (domain, id). */
  private static final TypeInformation<Tuple2<String, String>> PAIR =
      Types.TUPLE(Types.STRING, Types.STRING);

  private final JobSources sources;
  private final JobSinks sinks;
  private final BeliefJobConfig config;

  public BeliefJob(JobSources sources, JobSinks sinks, BeliefJobConfig config) {
    this.sources = sources;
    this.sinks = sinks;
    this.config = config;
  }

  /**
   * Adds the job's topology to {@code env}.
   *
   * @throws IllegalStateException if {@code env} does not checkpoint: the sinks commit output only
   *     when a checkpoint completes, so the job would run and publish nothing
   */
  public void build(StreamExecutionEnvironment env) {
    if (!env.getCheckpointConfig().isCheckpointingEnabled()) {
      throw new IllegalStateException(
          "the belief job needs checkpointing: its sinks publish output in Kafka transactions that"
              + " commit only when a checkpoint completes, and state survives a failure only"
              + " through checkpoints; set execution.checkpointing.interval (for example 10 s)");
    }
    env.setMaxParallelism(MAX_PARALLELISM);
    Configuration settings = new Configuration();
    // every type has a Flink serializer of its own; a Kryo fallback would be a bug, so fail fast
    settings.set(PipelineOptions.GENERIC_TYPES, false);
    // no operator keeps or changes a record after passing it on, so chained operators may share
    // it instead of each getting a deep copy
    settings.set(PipelineOptions.OBJECT_REUSE, true);
    // every held proposition has an expiry timer weeks ahead: timers grow with the state, so they
    // live in RocksDB with it rather than on the heap, where each checkpoint would write all of
    // them
    settings.set(
        RocksDBOptions.TIMER_SERVICE_FACTORY,
        EmbeddedRocksDBStateBackend.PriorityQueueStateType.ROCKSDB);
    // every claim rewrites its proposition and its agent's entries, so the state most read is the
    // newest, in the first two levels (up to about 256 MB per state and subtask): left uncompressed
    // there, a read that misses the block cache skips decompressing a block (the job alone: 5.0 to
    // 1.3 us per claim), for more disk and checkpoint bytes in those levels
    settings.set(
        RocksDBConfigurableOptions.COMPRESSION_PER_LEVEL,
        List.of(
            CompressionType.NO_COMPRESSION,
            CompressionType.NO_COMPRESSION,
            CompressionType.LZ4_COMPRESSION));
    env.configure(settings);
    SingleOutputStreamOperator<InputEvent> agents = decoded(env, sources.agents(), Topic.AGENTS);
    SingleOutputStreamOperator<InputEvent> claims = decoded(env, sources.claims(), Topic.CLAIMS);
    SingleOutputStreamOperator<InputEvent> outcomes =
        decoded(env, sources.outcomes(), Topic.OUTCOMES);
    SingleOutputStreamOperator<InputEvent> feedback =
        env.fromSource(
                sources.feedback(),
                FeedbackWatermarks.neverHoldingBack(),
                Topic.MODEL_FEEDBACK.defaultName())
            .uid("model-feedback-source")
            .process(new RouteRejections())
            .name("route model-feedback rejections")
            .uid("route-model-feedback-rejections");

    SingleOutputStreamOperator<InputEvent> admitted =
        agents
            .union(claims, outcomes)
            .keyBy(InputEvent::agentId)
            .transform(
                "identity",
                TypeInformation.of(InputEvent.class),
                new IdentityOperator(
                    new AgentIdentityStage(config.trust()), config.maxHeldEvents()))
            .uid("identity");

    DataStream<DomainSnapshot> domains =
        feedback
            .filter(event -> event.feedback.getAgentId() == null)
            .name("domain feedback")
            .uid("domain-feedback")
            .keyBy(event -> event.feedback.getDomain())
            .process(new DomainStage())
            .name("domains")
            .uid("domains");

    SingleOutputStreamOperator<InputEvent> weighed =
        admitted
            .filter(event -> !event.isOutcome())
            .name("claims and revocations")
            .uid("claims-and-revocations")
            .union(
                feedback
                    .filter(event -> event.feedback.getAgentId() != null)
                    .name("agent feedback")
                    .uid("agent-feedback"))
            .keyBy(InputEvent::claimantKey, PAIR)
            .connect(domains.broadcast(DomainSnapshot.LATEST))
            .process(
                new ClaimantStage(
                    config.model(), env.getCheckpointConfig().getCheckpointInterval()))
            .name("claimants")
            .uid("claimants");

    DataStream<DomainSnapshot> candidates =
        weighed
            .getSideOutput(ClaimantStage.CANDIDATES)
            .keyBy(candidate -> candidate.domain)
            .process(new EvidenceCandidatesStage())
            .name("evidence candidates")
            .uid("evidence-candidates");

    SingleOutputStreamOperator<Belief> beliefs =
        weighed
            .union(
                admitted
                    .filter(InputEvent::isOutcome)
                    .name("outcomes admitted")
                    .uid("outcomes-admitted"))
            .keyBy(InputEvent::propositionKey, PAIR)
            .connect(domains.union(candidates).broadcast())
            .transform(
                "propositions",
                TypeInformation.of(Belief.class),
                new PropositionOperator(
                    new PropositionStage(config.model(), config.propositions(), config.requests())))
            .uid("propositions");
    beliefs.sinkTo(sinks.beliefs()).name("beliefs sink").uid("beliefs-sink");
    weighed
        .getSideOutput(ClaimantStage.RELIABILITIES)
        .sinkTo(sinks.reliabilities())
        .name("agent-reliability sink")
        .uid("agent-reliability-sink");
    beliefs
        .getSideOutput(PropositionStage.SETTLEMENTS)
        .sinkTo(sinks.settlements())
        .name("settlements sink")
        .uid("settlements-sink");
    beliefs
        .getSideOutput(PropositionStage.REQUESTS)
        .keyBy(request -> request.getAgentId())
        .process(new EvidenceRequestLimiter(config.requests()))
        .name("requests per agent")
        .uid("requests-per-agent")
        .sinkTo(sinks.evidenceRequests())
        .name("evidence-requests sink")
        .uid("evidence-requests-sink");
    beliefs
        .getSideOutput(PropositionStage.FEEDBACK)
        .sinkTo(sinks.feedback())
        .name("model-feedback sink")
        .uid("model-feedback-sink");

    DataStream<Rejected> rejected =
        agents
            .getSideOutput(DeadLetters.TAG)
            .union(
                claims.getSideOutput(DeadLetters.TAG),
                outcomes.getSideOutput(DeadLetters.TAG),
                feedback.getSideOutput(DeadLetters.TAG),
                admitted.getSideOutput(DeadLetters.TAG),
                weighed.getSideOutput(DeadLetters.TAG),
                beliefs.getSideOutput(DeadLetters.TAG));
    rejected
        .map(new RejectionMetrics())
        .name("count rejections")
        .uid("count-rejections")
        .sinkTo(sinks.rejected())
        .name("rejected sink")
        .uid("rejected-sink");
  }

  private SingleOutputStreamOperator<InputEvent> decoded(
      StreamExecutionEnvironment env, Source<InputEvent, ?, ?> source, Topic topic) {
    String name = topic.defaultName();
    return env.fromSource(source, watermarks(), name)
        .uid(name + "-source")
        .process(new RouteRejections())
        .name("route " + name + " rejections")
        .uid("route-" + name + "-rejections");
  }

  /**
   * Event time is the Kafka record timestamp (producers set it to the event time), moved by decoded
   * records only, never past the wall clock, and with the wall clock on a partition whose live
   * producers have gone quiet ({@link DecodedEventWatermarks}).
   */
  private WatermarkStrategy<InputEvent> watermarks() {
    Duration outOfOrderness = config.maxOutOfOrderness();
    Duration idleTimeout = config.idleTimeout();
    return WatermarkStrategy.<InputEvent>forGenerator(
            context ->
                new DecodedEventWatermarks(
                    outOfOrderness,
                    idleTimeout,
                    System::currentTimeMillis,
                    context.getInputActivityClock()))
        .withTimestampAssigner((event, previous) -> event.source.timestamp);
  }
}
