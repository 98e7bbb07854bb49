package io.beliefnet.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.beliefnet.avro.Claim;
import io.beliefnet.avro.Outcome;
import io.beliefnet.avro.RejectionReason;
import io.beliefnet.registry.AvroRecordEncoder;
import io.beliefnet.registry.DevSchemaRegistryServer;
import io.beliefnet.registry.HttpSchemaRegistryClient;
import io.beliefnet.topics.Topic;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InputDecoderTest {

  private static final Duration SKEW = Duration.ofMinutes(5);
  private static final Duration OUT_OF_ORDERNESS = Duration.ofSeconds(1);

  @Test
  void recordWaitsForAnUnreachableRegistryAndDecodesOnceItAnswers() throws Exception {
    Claim claim = TestRecords.signed(TestRecords.claim("alice", "bridge", 1_000, 0.8));
    DevSchemaRegistryServer registry = DevSchemaRegistryServer.start(0);
    String url = registry.url();
    byte[] value = encode(url, claim);
    registry.close();
    InputDecoder decoder =
        new InputDecoder(
            Topic.CLAIMS, HttpSchemaRegistryClient.connect(url), SKEW, OUT_OF_ORDERNESS);
    KafkaInput record = new KafkaInput("claims", 0, 7, 1_000, null, value);

    CompletableFuture<InputEvent> decoded =
        CompletableFuture.supplyAsync(() -> decoder.decode(record));
    Thread.sleep(1_000);
    assertThat(decoded).as("waiting while the registry is down").isNotDone();
    DevSchemaRegistryServer restarted = DevSchemaRegistryServer.start(URI.create(url).getPort());
    try {
      encode(url, claim); // the restarted development registry holds the schema again, as id 1
      InputEvent event = decoded.get(30, TimeUnit.SECONDS);

      assertThat(event.isRejected()).isFalse();
      assertThat(event.claim).isEqualTo(claim);
    } finally {
      restarted.close();
    }
  }

  @Test
  void outcomeStampedFarFromItsObservationTimeIsRefused() {
    DevSchemaRegistryServer registry = DevSchemaRegistryServer.start(0);
    try {
      Outcome outcome = TestRecords.signed(TestRecords.outcome("bridge", "yes", 1_000));
      byte[] value =
          new AvroRecordEncoder<Outcome>(
                  HttpSchemaRegistryClient.connect(registry.url()), "outcomes-value")
              .encode(outcome);
      InputDecoder decoder =
          new InputDecoder(
              Topic.OUTCOMES,
              HttpSchemaRegistryClient.connect(registry.url()),
              SKEW,
              OUT_OF_ORDERNESS);

      InputEvent prompt = decoder.decode(new KafkaInput("outcomes", 0, 1, 1_500, null, value));
      InputEvent replayed = decoder.decode(new KafkaInput("outcomes", 0, 2, 61_000, null, value));

      assertThat(prompt.isRejected()).isFalse();
      assertThat(replayed.rejection.getReasonCode()).isEqualTo(RejectionReason.INVALID_RECORD);
      assertThat(replayed.rejection.getReason()).contains("observation time");
    } finally {
      registry.close();
    }
  }

  private static byte[] encode(String registryUrl, Claim claim) {
    return new AvroRecordEncoder<Claim>(
            HttpSchemaRegistryClient.connect(registryUrl), "claims-value")
        .encode(claim);
  }
}
