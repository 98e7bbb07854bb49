package io.beliefnet.kafka;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/** A single-node Kafka broker in a Docker container, for machines with a Docker engine. */
final class ContainerKafkaBroker implements KafkaBroker {

  private static final DockerImageName IMAGE = DockerImageName.parse("apache/kafka:4.2.0");

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
