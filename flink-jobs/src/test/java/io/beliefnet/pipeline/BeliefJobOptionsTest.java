package io.beliefnet.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.beliefnet.avro.IdentityTier;
import io.beliefnet.topics.Topic;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.description.HtmlFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BeliefJobOptionsTest {

  @Test
  void readmeDocumentsEveryOptionWithItsDescription() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));

    for (ConfigOption<?> option : BeliefJobOptions.all()) {
      if (BeliefJobOptions.TOPIC_NAMES.containsValue(option)) {
        continue; // documented together as `topic.claims` … `topic.model-feedback`
      }
      assertThat(readme)
          .as("README row for %s", option.key())
          .contains("`" + option.key() + "`")
          .contains(new HtmlFormatter().format(option.description()));
    }
  }

  @Test
  void argumentsOverrideDefaults() {
    BeliefJobConfig config =
        BeliefJobConfig.fromArgs(
            new String[] {
              "--kafka.bootstrap-servers", "kafka:9092",
              "--topic.claims", "prod.claims",
              "--events.max-out-of-orderness", "250 ms",
              "--events.max-held-in-memory", "5000",
              "--trust.resolvers", "inspector;registrar",
              "--trust.claims-per-second.unverified", "0.5",
              "--trust.claims-per-second.attested", "20",
              "--trust.controller-weight-cap.attested", "4"
            });

    assertThat(config.bootstrapServers()).isEqualTo("kafka:9092");
    assertThat(config.topic(Topic.CLAIMS)).isEqualTo("prod.claims");
    assertThat(config.topic(Topic.BELIEFS)).isEqualTo("beliefs");
    assertThat(config.maxOutOfOrderness()).isEqualTo(Duration.ofMillis(250));
    assertThat(config.maxHeldEvents()).isEqualTo(5000);
    assertThat(config.kafkaProperties()).isEmpty();
    assertThat(config.trust().mayResolve("registrar", "any/domain")).isTrue();
    assertThat(config.trust().mayResolve("agent", "any/domain")).isFalse();
    assertThat(config.trust().ratePerSecond(IdentityTier.UNVERIFIED)).isEqualTo(0.5);
    assertThat(config.trust().burstCapacity(IdentityTier.ATTESTED)).isEqualTo(1200);
    assertThat(config.model().controllerWeightCaps())
        .containsEntry(io.beliefnet.model.IdentityTier.ATTESTED, 4.0);
    assertThat(config.model().cappedTotalWeight()).isEqualTo(1.0);
  }

  @Test
  void aRateThatIsNotANumberIsRefusedNamingTheOption() {
    assertThatThrownBy(
            () ->
                BeliefJobConfig.fromArgs(
                    new String[] {"--trust.claims-per-second.verified", "lots"}))
        .hasMessageContaining("trust.claims-per-second.verified");
  }

  @Test
  void kafkaPropertiesComeFromTheNamedFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("job.properties");
    Files.writeString(
        file,
        String.join(
            "\n",
            "# client security",
            "security.protocol=SASL_SSL",
            "sasl.mechanism=SCRAM-SHA-512",
            "ssl.truststore.location=/etc/belief/ca.p12"));

    BeliefJobConfig config =
        BeliefJobConfig.fromArgs(new String[] {"--kafka.properties-file", file.toString()});

    assertThat(config.kafkaProperties())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "ssl.truststore.location", "/etc/belief/ca.p12"));
  }

  @Test
  void aMissingPropertiesFileIsAnError(@TempDir Path dir) {
    String missing = dir.resolve("absent.properties").toString();

    assertThatThrownBy(
            () -> BeliefJobConfig.fromArgs(new String[] {"--kafka.properties-file", missing}))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining(missing);
  }
}
