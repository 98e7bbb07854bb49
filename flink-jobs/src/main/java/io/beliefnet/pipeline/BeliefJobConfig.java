package io.beliefnet.pipeline;

import io.beliefnet.avro.IdentityTier;
import io.beliefnet.pipeline.trust.TrustPolicy;
import io.beliefnet.topics.Topic;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.util.ParameterTool;

/**
 * The job's settings, read once from arguments or the Flink configuration.
 *
 * @param kafkaProperties the contents of {@link BeliefJobOptions#KAFKA_PROPERTIES_FILE}, or none
 */
public record BeliefJobConfig(
    String bootstrapServers,
    String registryUrl,
    String groupId,
    String transactionalIdPrefix,
    Map<String, String> kafkaProperties,
    Duration maxOutOfOrderness,
    Duration idleTimeout,
    Duration maxClockSkew,
    Duration resolvedRetention,
    TrustPolicy trust,
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
        configuration
            .getOptional(BeliefJobOptions.KAFKA_PROPERTIES_FILE)
            .map(BeliefJobConfig::readProperties)
            .orElse(Map.of()),
        configuration.get(BeliefJobOptions.MAX_OUT_OF_ORDERNESS),
        configuration.get(BeliefJobOptions.IDLE_TIMEOUT),
        configuration.get(BeliefJobOptions.MAX_CLOCK_SKEW),
        configuration.get(BeliefJobOptions.RESOLVED_RETENTION),
        trustPolicy(configuration),
        names);
  }

  private static TrustPolicy trustPolicy(Configuration configuration) {
    Map<IdentityTier, Double> rates = new EnumMap<>(IdentityTier.class);
    configuration
        .get(BeliefJobOptions.CLAIMS_PER_SECOND)
        .forEach((tier, rate) -> rates.put(tier(tier), rate(tier, rate)));
    return new TrustPolicy(
        Set.copyOf(configuration.get(BeliefJobOptions.RESOLVERS)),
        rates,
        configuration.get(BeliefJobOptions.CLAIM_BURST));
  }

  private static IdentityTier tier(String name) {
    try {
      return IdentityTier.valueOf(name.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          BeliefJobOptions.CLAIMS_PER_SECOND.key() + " names tier '" + name + "': use one of "
              + List.of(IdentityTier.values()));
    }
  }

  private static double rate(String tier, String rate) {
    try {
      return Double.parseDouble(rate.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          BeliefJobOptions.CLAIMS_PER_SECOND.key() + " gives tier " + tier + " the rate '" + rate
              + "': give a number of claims per second");
    }
  }

  /** The configured name of {@code topic}. */
  public String topic(Topic topic) {
    return topicNames.get(topic);
  }

  /**
   * Read where the job is submitted: the values travel with the job graph, so only files they
   * name (key and trust stores) must exist on the task managers.
   */
  private static Map<String, String> readProperties(String file) {
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(Path.of(file))) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read Kafka client properties from " + file, e);
    }
    Map<String, String> values = new HashMap<>();
    for (String name : properties.stringPropertyNames()) {
      values.put(name, properties.getProperty(name));
    }
    return Map.copyOf(values);
  }
}
