package io.beliefnet.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.beliefnet.avro.Claim;
import io.beliefnet.registry.WireFormatException.Reason;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The client against the real Confluent Schema Registry, where a Docker engine is reachable;
 * skipped (and reported as skipped) elsewhere.
 */
class ConfluentSchemaRegistryIT {

  private static Network network;
  private static KafkaContainer kafka;
  private static GenericContainer<?> registryContainer;
  private static String url;

  private static final boolean DOCKER = dockerAvailable();

  @BeforeAll
  static void startRegistry() {
    if (!DOCKER) {
      return;
    }
    network = Network.newNetwork();
    kafka =
        new KafkaContainer(DockerImageName.parse("apache/kafka:4.2.0"))
            .withNetwork(network)
            .withListener("kafka:19092");
    kafka.start();
    registryContainer =
        new GenericContainer<>(DockerImageName.parse("confluentinc/cp-schema-registry:7.7.1"))
            .withNetwork(network)
            .withExposedPorts(8081)
            .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
            .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:8081")
            .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://kafka:19092")
            .waitingFor(Wait.forHttp("/subjects").forStatusCode(200));
    registryContainer.start();
    url = "http://" + registryContainer.getHost() + ":" + registryContainer.getMappedPort(8081);
  }

  @AfterAll
  static void stopRegistry() {
    if (registryContainer != null) {
      registryContainer.stop();
      kafka.stop();
      network.close();
    }
  }

  @BeforeEach
  void requireDocker() {
    Assumptions.assumeTrue(
        DOCKER, "no Docker engine reachable: test against Confluent Schema Registry skipped");
  }

  @Test
  void claimRoundTripsThroughTheRealRegistry() {
    SchemaRegistryClient client = HttpSchemaRegistryClient.connect(url);
    Claim claim = SampleClaims.claim("c-real");

    byte[] bytes = new AvroRecordEncoder<Claim>(client, "claims-value").encode(claim);
    Claim decoded =
        new AvroRecordDecoder<>(HttpSchemaRegistryClient.connect(url), Claim.class).decode(bytes);

    assertThat(decoded).isEqualTo(claim);
  }

  @Test
  void realRegistryErrorsMapToTheSameReasons() {
    SchemaRegistryClient client = HttpSchemaRegistryClient.connect(url);
    client.register(
        "readings-value",
        SchemaBuilder.record("Reading").fields().requiredString("sensor").endRecord());
    Schema incompatible =
        SchemaBuilder.record("Reading")
            .fields()
            .requiredString("sensor")
            .requiredDouble("value")
            .endRecord();

    assertThatThrownBy(() -> client.register("readings-value", incompatible))
        .isInstanceOfSatisfying(
            WireFormatException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.INCOMPATIBLE_SCHEMA));
    assertThatThrownBy(() -> client.schemaById(987654))
        .isInstanceOfSatisfying(
            WireFormatException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_SCHEMA_ID));
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      return false;
    }
  }
}
