package io.beliefnet.pipeline;

import io.beliefnet.pipeline.kafka.KafkaTopics;
import io.beliefnet.topics.Topic;
import org.apache.flink.api.connector.source.Source;

/** Where the job reads its inputs from: the decoded records of the three input topics. */
public record JobSources(
    Source<InputEvent, ?, ?> claims,
    Source<InputEvent, ?, ?> outcomes,
    Source<InputEvent, ?, ?> agents) {

  /** The configured Kafka topics. */
  public static JobSources kafka(BeliefJobConfig config) {
    return new JobSources(
        KafkaTopics.source(config, Topic.CLAIMS),
        KafkaTopics.source(config, Topic.OUTCOMES),
        KafkaTopics.source(config, Topic.AGENTS));
  }
}
