package io.beliefnet.sdk;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.beliefnet.avro.IdentityTier;
import io.beliefnet.registry.DevSchemaRegistryServer;
import io.beliefnet.signing.AgentKey;
import io.beliefnet.signing.IdentityAuthority;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a client reports when the network is not where it was told to look. */
class BeliefClientTest {

  private static final String NO_BROKER = "127.0.0.1:1";
  private static final AgentRegistration REGISTRATION =
      new AgentRegistration("agent-1", "operator-1", IdentityTier.VERIFIED, 0);

  @Test
  void anUnreachableRegistryIsNamedWithWhatToCheck() {
    try (BeliefClient client = BeliefClient.builder(NO_BROKER, "http://127.0.0.1:1").build()) {
      assertThatThrownBy(
              () ->
                  client.issue(
                      REGISTRATION,
                      AgentKey.fromSeed(1).publicKey(),
                      new IdentityAuthority("authority", AgentKey.fromSeed(2))))
          .isInstanceOf(BeliefClientException.class)
          .hasMessageContaining("registration of agent agent-1")
          .hasMessageContaining("schema registry at http://127.0.0.1:1/")
          .hasMessageContaining("check schema.registry.url");
    }
  }

  @Test
  void anUnreachableBrokerIsReportedWithinTheBlockTime() {
    try (DevSchemaRegistryServer registry = DevSchemaRegistryServer.start(0);
        BeliefClient client =
            BeliefClient.builder(NO_BROKER, registry.url())
                .kafkaProperties(Map.of("max.block.ms", 500))
                .build()) {
      Agent agent = client.agent("agent-1", AgentKey.fromSeed(1));
      assertThatThrownBy(
              () ->
                  agent.claim(
                      ClaimRequest.on("p", "d").outcomes(List.of("no", "yes")).label("yes")))
          .isInstanceOf(BeliefClientException.class)
          .hasMessageContaining("Kafka at " + NO_BROKER + " did not answer in time")
          .hasMessageContaining("check that the broker is running");
    }
  }

  @Test
  void badAddressesAreRefusedUpFront() {
    assertThatThrownBy(() -> BeliefClient.builder("", "http://r"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bootstrap servers");
    assertThatThrownBy(() -> BeliefClient.builder("k:9092", "registry:8081"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("http(s)://");
  }
}
