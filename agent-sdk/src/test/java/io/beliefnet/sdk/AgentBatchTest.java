package io.beliefnet.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.beliefnet.avro.Claim;
import io.beliefnet.registry.AvroWireDeserializer;
import io.beliefnet.registry.DevSchemaRegistryServer;
import io.beliefnet.registry.HttpSchemaRegistryClient;
import io.beliefnet.signing.AgentKey;
import io.beliefnet.signing.CanonicalEncoding;
import io.beliefnet.signing.SignatureCheck;
import io.beliefnet.signing.SignatureCheck.Verdict;
import io.beliefnet.topics.Topic;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a signed batch of claims puts on the {@code claims} topic, seen without a broker. */
class AgentBatchTest {

  private static final String CLAIMS = Topic.CLAIMS.defaultName();
  private static final Instant EVENT_TIME = Instant.parse("2026-03-01T12:00:00Z");
  private static final Node BROKER = new Node(0, "127.0.0.1", 1);

  private final AgentKey key = AgentKey.fromSeed(1);
  private final DevSchemaRegistryServer registry = DevSchemaRegistryServer.start(0);
  private final MockProducer<String, byte[]> producer =
      new MockProducer<>(
          new Cluster(
              "test",
              List.of(BROKER),
              List.of(new PartitionInfo(CLAIMS, 0, BROKER, new Node[0], new Node[0])),
              Set.of(),
              Set.of()),
          true,
          null,
          new StringSerializer(),
          new ByteArraySerializer());
  private final BeliefClient client =
      BeliefClient.builder("127.0.0.1:1", registry.url()).build(producer);

  @AfterEach
  void close() {
    client.close();
    registry.close();
  }

  @Test
  void eachClaimOfABatchIsItsOwnRecordKeyedByItsPropositionAndVerifiesAlone() {
    List<Claim> claims =
        client
            .agent("agent-1", key)
            .claimBatch(List.of(request("bridge-1"), request("bridge-2"), request("bridge-3")));

    List<ProducerRecord<String, byte[]>> sent = producer.history();
    assertThat(sent).extracting(ProducerRecord::topic).containsOnly(CLAIMS);
    assertThat(sent)
        .extracting(ProducerRecord::key)
        .containsExactly("bridge-1", "bridge-2", "bridge-3");
    assertThat(sent).extracting(ProducerRecord::timestamp).containsOnly(EVENT_TIME.toEpochMilli());
    try (AvroWireDeserializer<Claim> claimsOnTheWire =
        new AvroWireDeserializer<>(Claim.class, HttpSchemaRegistryClient.connect(registry.url()))) {
      List<Claim> received =
          sent.stream().map(r -> claimsOnTheWire.deserialize(CLAIMS, r.value())).toList();
      assertThat(received).isEqualTo(claims);
      assertThat(received)
          .allSatisfy(
              claim -> {
                assertThat(
                        new SignatureCheck(CanonicalEncoding.DEFAULT_NETWORK)
                            .verify(claim, key.publicKey()))
                    .isEqualTo(Verdict.VALID);
                assertThat(claim.getBatch().getLeafCount()).isEqualTo(3);
                assertThat(claim.getSignature()).isEqualTo(claims.get(0).getSignature());
              });
    }
  }

  @Test
  void aBatchWithAClaimTheJobWouldRefuseSendsNothing() {
    Agent agent = client.agent("agent-1", key);
    ClaimRequest unsound = ClaimRequest.on("bridge-2", "traffic/london").outcomes(List.of("open"));

    assertThatThrownBy(() -> agent.claimBatch(List.of(request("bridge-1"), unsound)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 2 distinct outcomes");
    assertThatThrownBy(() -> agent.claimBatchAsync(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 to 1048576 claims");
    assertThat(producer.history()).isEmpty();
  }

  private static ClaimRequest request(String propositionId) {
    return ClaimRequest.on(propositionId, "traffic/london")
        .outcomes(List.of("open", "closed"))
        .probabilities(List.of(0.3, 0.7))
        .eventTime(EVENT_TIME);
  }
}
