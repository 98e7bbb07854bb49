package io.beliefnet.kafka;

import java.time.Duration;

/** A running Kafka broker that clients reach at {@link #bootstrapServers()}; closing stops it. */
public interface KafkaBroker extends AutoCloseable {

  /** The {@code bootstrap.servers} value for clients, e.g. {@code 127.0.0.1:39092}. */
  String bootstrapServers();

  /** CPU time the broker's process has used so far, for load measurements. */
  Duration cpuTime();

  /** Stops the broker and waits for it to exit. */
  @Override
  void close();

  /**
   * Starts a single-node broker from Kafka's own artifacts in a child JVM whose data lives under
   * {@code workDir}: the same Kafka version as the clients, with or without a Docker engine. Where
   * one runs, {@code docker compose up} gives the whole network in containers instead.
   */
  static KafkaBroker start(java.nio.file.Path workDir) {
    return ChildProcessKafkaBroker.start(workDir);
  }

  /** As {@link #start(java.nio.file.Path)}, on {@code port} if it is free (0: any free port). */
  static KafkaBroker start(java.nio.file.Path workDir, int port) {
    return ChildProcessKafkaBroker.start(workDir, port);
  }
}
