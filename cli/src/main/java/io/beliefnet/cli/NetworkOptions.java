package io.beliefnet.cli;

import io.beliefnet.sdk.BeliefClient;
import io.beliefnet.signing.CanonicalEncoding;
import io.beliefnet.topics.KafkaClientProperties;
import io.beliefnet.topics.Topic;
import io.beliefnet.topics.TopicNames;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Where the network is: the options of every subcommand that talks to Kafka and the registry. Left
 * out, both are those of the local stack running in this folder ({@link LocalEndpoints}).
 */
final class NetworkOptions {

  @Option(
      names = "--bootstrap-servers",
      description = "Kafka bootstrap servers (default: the local stack's, if one runs here).")
  String bootstrapServers;

  @Option(
      names = "--registry",
      description = "Schema registry URL (default: the local stack's, if one runs here).")
  String registryUrl;

  @Option(
      names = "--network",
      defaultValue = CanonicalEncoding.DEFAULT_NETWORK,
      description =
          "Id of the belief network, which signatures cover: the job's network.id"
              + " (default: ${DEFAULT-VALUE}, the local stack's).")
  String network;

  @Option(
      names = "--kafka-properties",
      description =
          "File of Kafka client properties for a secured cluster (security.protocol, sasl.*, ssl.*).")
  Path kafkaPropertiesFile;

  @Option(
      names = "--topic",
      paramLabel = "TOPIC=NAME",
      converter = {TopicConverter.class, Verbatim.class},
      description =
          "A topic's name on the cluster, where it is not the default, as the job's"
              + " topic.<topic> option gives it, e.g. --topic claims=prod.claims; repeatable.")
  Map<Topic, String> renamedTopics = new EnumMap<>(Topic.class);

  /** The client properties from {@code --kafka-properties}; none without it. */
  Map<String, Object> kafkaProperties() {
    return kafkaPropertiesFile == null
        ? new HashMap<>()
        : new HashMap<>(KafkaClientProperties.read(kafkaPropertiesFile));
  }

  String bootstrapServers() {
    return bootstrapServers != null ? bootstrapServers : local().bootstrapServers();
  }

  String registryUrl() {
    return registryUrl != null ? registryUrl : local().registryUrl();
  }

  private static LocalEndpoints local() {
    return LocalEndpoints.of(LocalEndpoints.DEFAULT_STATE_DIR)
        .orElseThrow(() -> new LocalEndpoints.NotRunning(LocalEndpoints.DEFAULT_STATE_DIR));
  }

  /** The topics' names on the cluster: the defaults, renamed by {@code --topic}. */
  TopicNames topicNames() {
    return TopicNames.of(renamedTopics);
  }

  BeliefClient client() {
    return BeliefClient.builder(bootstrapServers(), registryUrl())
        .network(network)
        .kafkaProperties(kafkaProperties())
        .topicNames(topicNames())
        .build();
  }

  /** Reads a topic by its default name, e.g. {@code claims} or {@code agent-reliability}. */
  static final class TopicConverter implements CommandLine.ITypeConverter<Topic> {
    @Override
    public Topic convert(String defaultName) {
      try {
        return TopicNames.topic(defaultName);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  /** Takes a topic's name as it is. */
  static final class Verbatim implements CommandLine.ITypeConverter<String> {
    @Override
    public String convert(String value) {
      return value;
    }
  }
}
