package io.beliefnet.cli;

import io.beliefnet.sdk.BeliefClient;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
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
    Map<String, Object> properties = new HashMap<>();
    if (kafkaPropertiesFile != null) {
      Properties file = new Properties();
      try (Reader reader = Files.newBufferedReader(kafkaPropertiesFile)) {
        file.load(reader);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read --kafka-properties " + kafkaPropertiesFile, e);
      }
      file.stringPropertyNames().forEach(name -> properties.put(name, file.getProperty(name)));
    }
    return properties;
  }

  BeliefClient client() {
    return BeliefClient.builder(bootstrapServers, registryUrl)
        .kafkaProperties(kafkaProperties())
        .build();
  }
}
