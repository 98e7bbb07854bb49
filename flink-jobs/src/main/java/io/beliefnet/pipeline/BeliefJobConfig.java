package io.beliefnet.pipeline;

import io.beliefnet.topics.Topic;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.util.ParameterTool;

/** The job's settings, read once from arguments or the Flink configuration. */
public record BeliefJobConfig(
    String bootstrapServers,
    String registryUrl,
    String groupId,
    String transactionalIdPrefix,
    Duration maxOutOfOrderness,
    Duration idleTimeout,
    Duration resolvedRetention,
    Map<Topic, String> topicNames) {

  /** Reads {@code --key value} arguments; unknown keys are passed on to Flink. */
  public static BeliefJobConfig fromArgs(String[] args) {
    return from(Configuration.fromMap(ParameterTool.fromArgs(args).toMap()));
  }

  public static BeliefJobConfig from(Configuration configuration) {
    Map<Topic, String> names = new EnumMap<>(Topic.class);
    BeliefJobOptions.TOPIC_NAMES.forEach((topic, option) -> names.put(topic, configuration.get(option)));
    return new BeliefJobConfig(
        configuration.get(BeliefJobOptions.BOOTSTRAP_SERVERS),
        configuration.get(BeliefJobOptions.SCHEMA_REGISTRY_URL),
        configuration.get(BeliefJobOptions.GROUP_ID),
        configuration.get(BeliefJobOptions.TRANSACTIONAL_ID_PREFIX),
        configuration.get(BeliefJobOptions.MAX_OUT_OF_ORDERNESS),
        configuration.get(BeliefJobOptions.IDLE_TIMEOUT),
        configuration.get(BeliefJobOptions.RESOLVED_RETENTION),
        names);
  }

  /** The configured name of {@code topic}. */
  public String topic(Topic topic) {
    return topicNames.get(topic);
  }
}
