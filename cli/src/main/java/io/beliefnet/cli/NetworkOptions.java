package io.beliefnet.cli;

import io.beliefnet.sdk.BeliefClient;
import io.beliefnet.topics.KafkaClientProperties;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
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
      names = "--kafka-properties",
      description =
          "File of Kafka client properties for a secured cluster (security.protocol, sasl.*, ssl.*).")
  Path kafkaPropertiesFile;

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

  BeliefClient client() {
    return BeliefClient.builder(bootstrapServers(), registryUrl())
        .kafkaProperties(kafkaProperties())
        .build();
  }
}
