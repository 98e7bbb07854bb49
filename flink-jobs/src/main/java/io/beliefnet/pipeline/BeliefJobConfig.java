package io.beliefnet.pipeline;

import io.beliefnet.avro.IdentityTier;
import io.beliefnet.model.ModelParameters;
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
import org.apache.flink.configuration.ConfigOption;
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
    Duration openRetention,
    TrustPolicy trust,
    ModelParameters model,
    Map<Topic, String> topicNames) {

  /** Reads {@code --key value} arguments; unknown keys are passed on to Flink. */
  public static BeliefJobConfig fromArgs(String[] args) {
    return from(Configuration.fromMap(ParameterTool.fromArgs(args).toMap()));
  }

  public static BeliefJobConfig from(Configuration configuration) {
    Map<Topic, String> names = new EnumMap<>(Topic.class);
    BeliefJobOptions.TOPIC_NAMES.forEach(
        (topic, option) -> names.put(topic, configuration.get(option)));
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
        configuration.get(BeliefJobOptions.OPEN_RETENTION),
        trustPolicy(configuration),
        ModelParameters.defaults()
            .withCaps(
                configuration.get(BeliefJobOptions.UNVERIFIED_TOTAL_WEIGHT),
                perTier(
                    configuration,
                    BeliefJobOptions.CONTROLLER_WEIGHT_CAP,
                    io.beliefnet.model.IdentityTier.class)),
        names);
  }

  private static TrustPolicy trustPolicy(Configuration configuration) {
    return new TrustPolicy(
        Set.copyOf(configuration.get(BeliefJobOptions.RESOLVERS)),
        perTier(configuration, BeliefJobOptions.CLAIMS_PER_SECOND, IdentityTier.class),
        configuration.get(BeliefJobOptions.CLAIM_BURST));
  }

  /** A {@code TIER:number,...} option as numbers by tier. */
  private static <T extends Enum<T>> Map<T, Double> perTier(
      Configuration configuration, ConfigOption<Map<String, String>> option, Class<T> tiers) {
    Map<T, Double> values = new EnumMap<>(tiers);
    configuration
        .get(option)
        .forEach(
            (tier, value) -> values.put(tier(option, tier, tiers), number(option, tier, value)));
    return values;
  }

  private static <T extends Enum<T>> T tier(ConfigOption<?> option, String name, Class<T> tiers) {
    try {
      return Enum.valueOf(tiers, name.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          option.key()
              + " names tier '"
              + name
              + "': use one of "
              + List.of(tiers.getEnumConstants()));
    }
  }

  private static double number(ConfigOption<?> option, String tier, String value) {
    try {
      return Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          option.key() + " gives tier " + tier + " the value '" + value + "': give a number");
    }
  }

  /** The configured name of {@code topic}. */
  public String topic(Topic topic) {
    return topicNames.get(topic);
  }

  /**
   * Read where the job is submitted: the values travel with the job graph, so only files they name
   * (key and trust stores) must exist on the task managers.
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
