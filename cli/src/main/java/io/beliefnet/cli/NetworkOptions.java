package io.beliefnet.cli;

import io.beliefnet.sdk.BeliefClient;
import io.beliefnet.topics.KafkaClientProperties;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where the network is: the options of every subcommand that talks to Kafka and the registry. */
final class NetworkOptions {

  @Option(names = "--bootstrap-servers", required = true, description = "Kafka bootstrap servers.")
  String bootstrapServers;

  @Option(names = "--registry", required = true, description = "Schema registry URL.")
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

  BeliefClient client() {
    return BeliefClient.builder(bootstrapServers, registryUrl)
        .kafkaProperties(kafkaProperties())
        .build();
  }
}
