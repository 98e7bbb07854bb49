package io.beliefnet.pipeline;

import io.beliefnet.avro.AgentReliability;
import io.beliefnet.avro.Belief;
import io.beliefnet.avro.Rejected;
import io.beliefnet.avro.Settlement;
import io.beliefnet.ids.IdRules;
import io.beliefnet.pipeline.kafka.KafkaTopics;
import io.beliefnet.pipeline.kafka.TransactionProtocolCheck;
import io.beliefnet.topics.Topic;
import org.apache.flink.api.connector.sink2.Sink;

/** Where the job writes its outputs. */
public record JobSinks(
    Sink<Belief> beliefs,
    Sink<AgentReliability> reliabilities,
    Sink<Settlement> settlements,
    Sink<Rejected> rejected) {

  /**
   * The configured Kafka topics, written exactly once.
   *
   * @throws IllegalStateException if the cluster's transaction protocol would lose output on
   *     recovery ({@link TransactionProtocolCheck})
   */
  public static JobSinks kafka(BeliefJobConfig config) {
    TransactionProtocolCheck.require(config);
    return new JobSinks(
        KafkaTopics.<Belief>sink(config, Topic.BELIEFS, Belief::getPropositionId),
        KafkaTopics.<AgentReliability>sink(
            config,
            Topic.AGENT_RELIABILITY,
            r -> IdRules.reliabilityKey(r.getAgentId(), r.getDomain())),
        KafkaTopics.<Settlement>sink(config, Topic.SETTLEMENTS, Settlement::getAgentId),
        KafkaTopics.<Rejected>sink(config, Topic.REJECTED, JobSinks::rejectedKey));
  }

  private static String rejectedKey(Rejected rejected) {
    return rejected.getSourceTopic() + "-" + rejected.getPartition() + "@" + rejected.getOffset();
  }
}
