package io.beliefnet.kafka;

/** A running Kafka broker that clients reach at {@link #bootstrapServers()}; closing stops it. */
public interface KafkaBroker extends AutoCloseable {

  /** The {@code bootstrap.servers} value for clients, e.g. {@code 127.0.0.1:39092}. */
  String bootstrapServers();

  /** Stops the broker and waits for it to exit. */
  @Override
  void close();

  /**
   * Starts a single-node broker: in a Docker container where a Docker engine is reachable,
   * otherwise from Kafka's own artifacts in a child JVM whose data lives under {@code workDir}.
   */
  static KafkaBroker start(java.nio.file.Path workDir) {
    return ContainerKafkaBroker.dockerAvailable()
        ? ContainerKafkaBroker.start()
        : ChildProcessKafkaBroker.start(workDir);
  }
}
