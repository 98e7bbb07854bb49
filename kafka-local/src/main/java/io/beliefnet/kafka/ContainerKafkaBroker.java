package io.beliefnet.kafka;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/** A single-node Kafka broker in a Docker container, for machines with a Docker engine. */
final class ContainerKafkaBroker implements KafkaBroker {

  /**
   * Kafka 3.9: its clusters run transaction protocol v1, whose pending commits Flink's Kafka sink
   * can resume after a crash (under v2, the default from Kafka 4, it cannot yet: FLINK-40689).
   */
  private static final DockerImageName IMAGE = DockerImageName.parse("apache/kafka:3.9.1");

  private final KafkaContainer container;

  private ContainerKafkaBroker(KafkaContainer container) {
    this.container = container;
  }

  static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError noDocker) {
      return false;
    }
  }

  static ContainerKafkaBroker start() {
    KafkaContainer container = new KafkaContainer(IMAGE);
    container.start();
    return new ContainerKafkaBroker(container);
  }

  @Override
  public String bootstrapServers() {
    return container.getBootstrapServers();
  }

  @Override
  public void close() {
    container.stop();
  }
}
