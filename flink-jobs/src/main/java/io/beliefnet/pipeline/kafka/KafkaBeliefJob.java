package io.beliefnet.pipeline.kafka;

import io.beliefnet.avro.AgentReliability;
import io.beliefnet.avro.Belief;
import io.beliefnet.avro.EvidenceRequest;
import io.beliefnet.avro.Feedback;
import io.beliefnet.avro.Rejected;
import io.beliefnet.avro.Settlement;
import io.beliefnet.ids.IdRules;
import io.beliefnet.pipeline.BeliefJob;
import io.beliefnet.pipeline.BeliefJobConfig;
import io.beliefnet.pipeline.BeliefJobOptions;
import io.beliefnet.pipeline.JobSinks;
import io.beliefnet.pipeline.JobSources;
import io.beliefnet.topics.Topic;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The belief job over the configured Kafka topics: the entry point of a Flink deployment. */
public final class KafkaBeliefJob {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaBeliefJob.class);

  private KafkaBeliefJob() {}

  public static void main(String[] args) throws Exception {
    Configuration options = BeliefJobConfig.arguments(args);
    LOG.info("event=job_configured {}", BeliefJobOptions.describe(options));
    BeliefJobConfig config = BeliefJobConfig.from(options);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    new BeliefJob(sources(config), sinks(config), config).build(env);
    env.execute(BeliefJob.NAME);
  }

  /** The configured input topics, decoded, and the job's feedback topic. */
  public static JobSources sources(BeliefJobConfig config) {
    return new JobSources(
        KafkaTopics.source(config, Topic.CLAIMS),
        KafkaTopics.source(config, Topic.OUTCOMES),
        KafkaTopics.source(config, Topic.AGENTS),
        KafkaTopics.feedbackSource(config));
  }

  /**
   * The configured output topics and the job's feedback topic, written exactly once.
   *
   * @throws IllegalStateException if the cluster's transaction protocol would lose output on
   *     recovery ({@link TransactionProtocolCheck})
   */
  public static JobSinks sinks(BeliefJobConfig config) {
    TransactionProtocolCheck.require(config);
    return new JobSinks(
        KafkaTopics.<Belief>sink(
            config,
            Topic.BELIEFS,
            b -> IdRules.propositionKey(b.getDomain(), b.getPropositionId())),
        KafkaTopics.<AgentReliability>sink(
            config,
            Topic.AGENT_RELIABILITY,
            r -> IdRules.reliabilityKey(r.getAgentId(), r.getDomain())),
        KafkaTopics.<Settlement>sink(config, Topic.SETTLEMENTS, Settlement::getAgentId),
        KafkaTopics.<EvidenceRequest>sink(
            config, Topic.EVIDENCE_REQUESTS, EvidenceRequest::getAgentId),
        KafkaTopics.<Rejected>sink(config, Topic.REJECTED, KafkaBeliefJob::rejectedKey),
        feedbackSink(config));
  }

  /**
   * The job's feedback topic, written exactly once: what it reads back with {@link
   * KafkaTopics#feedbackSource}.
   */
  public static KafkaSink<Feedback> feedbackSink(BeliefJobConfig config) {
    return KafkaTopics.sink(config, Topic.MODEL_FEEDBACK, KafkaBeliefJob::feedbackKey);
  }

  private static String feedbackKey(Feedback feedback) {
    return feedback.getAgentId() == null
        ? feedback.getDomain()
        : IdRules.reliabilityKey(feedback.getAgentId(), feedback.getDomain());
  }

  private static String rejectedKey(Rejected rejected) {
    return rejected.getSourceTopic() + "-" + rejected.getPartition() + "@" + rejected.getOffset();
  }
}
