package io.beliefnet.pipeline;

import io.beliefnet.avro.IdentityTier;
import io.beliefnet.model.ModelParameters;
import io.beliefnet.model.PropositionPolicy;
import io.beliefnet.pipeline.trust.IdentityAuthorities;
import io.beliefnet.pipeline.trust.TrustPolicy;
import io.beliefnet.topics.KafkaClientProperties;
import io.beliefnet.topics.Topic;
import io.beliefnet.topics.TopicNames;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
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
    int maxHeldEvents,
    PropositionPolicy propositions,
    EvidenceRequestPolicy requests,
    TrustPolicy trust,
    ModelParameters model,
    TopicNames topicNames) {

  /** Reads {@code --key value} arguments; unknown keys are passed on to Flink. */
  public static BeliefJobConfig fromArgs(String[] args) {
    return from(arguments(args));
  }

  /** {@code --key value} arguments as a configuration. */
  public static Configuration arguments(String[] args) {
    return Configuration.fromMap(ParameterTool.fromArgs(args).toMap());
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
            // read where the job is submitted: the values travel with the job graph, so only
            // files they name (key and trust stores) must exist on the task managers
            .map(file -> KafkaClientProperties.read(Path.of(file)))
            .orElse(Map.of()),
        configuration.get(BeliefJobOptions.MAX_OUT_OF_ORDERNESS),
        configuration.get(BeliefJobOptions.IDLE_TIMEOUT),
        configuration.get(BeliefJobOptions.MAX_CLOCK_SKEW),
        configuration.get(BeliefJobOptions.MAX_HELD_EVENTS),
        new PropositionPolicy(
            ModelInputs.tier(configuration.get(BeliefJobOptions.OPENER_TIER)),
            configuration.get(BeliefJobOptions.OPEN_RETENTION),
            configuration.get(BeliefJobOptions.RESOLVED_RETENTION)),
        new EvidenceRequestPolicy(
            configuration.get(BeliefJobOptions.REQUESTS_PER_PROPOSITION),
            configuration.get(BeliefJobOptions.REQUESTS_PER_AGENT),
            configuration.get(BeliefJobOptions.REQUESTS_EXPIRY)),
        trustPolicy(configuration),
        ModelParameters.defaults()
            .withTrust(
                configuration.get(BeliefJobOptions.UNVERIFIED_TOTAL_WEIGHT),
                modelTiers(perTier(configuration, BeliefJobOptions.CONTROLLER_WEIGHT_CAP)),
                configuration.get(BeliefJobOptions.MINIMUM_STAKE)),
        TopicNames.of(names));
  }

  private static TrustPolicy trustPolicy(Configuration configuration) {
    return new TrustPolicy(
        configuration.get(BeliefJobOptions.NETWORK_ID),
        IdentityAuthorities.of(configuration.get(BeliefJobOptions.IDENTITY_AUTHORITIES)),
        Set.copyOf(configuration.get(BeliefJobOptions.RESOLVERS)),
        perTier(configuration, BeliefJobOptions.CLAIMS_PER_SECOND),
        configuration.get(BeliefJobOptions.CLAIM_BURST));
  }

  private static Map<IdentityTier, Double> perTier(
      Configuration configuration, Map<IdentityTier, ConfigOption<Double>> options) {
    Map<IdentityTier, Double> values = new EnumMap<>(IdentityTier.class);
    options.forEach((tier, option) -> values.put(tier, configuration.get(option)));
    return values;
  }

  private static Map<io.beliefnet.model.IdentityTier, Double> modelTiers(
      Map<IdentityTier, Double> values) {
    Map<io.beliefnet.model.IdentityTier, Double> model =
        new EnumMap<>(io.beliefnet.model.IdentityTier.class);
    values.forEach((tier, value) -> model.put(ModelInputs.tier(tier), value));
    return model;
  }

  /** The configured name of {@code topic}. */
  public String topic(Topic topic) {
    return topicNames.of(topic);
  }
}
