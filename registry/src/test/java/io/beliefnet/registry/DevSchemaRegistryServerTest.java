package io.beliefnet.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.beliefnet.avro.Claim;
import io.beliefnet.avro.Outcome;
import io.beliefnet.registry.WireFormatException.Reason;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DevSchemaRegistryServerTest {

  private DevSchemaRegistryServer server;
  private HttpSchemaRegistryClient client;

  @BeforeEach
  void start() {
    server = DevSchemaRegistryServer.start(0);
    client = HttpSchemaRegistryClient.connect(server.url());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void registeringTheSameSchemaTwiceGivesOneId() {
    int first = client.register("claims-value", Claim.getClassSchema());
    int again =
        HttpSchemaRegistryClient.connect(server.url())
            .register("claims-value", Claim.getClassSchema());

    assertThat(first).isEqualTo(1);
    assertThat(again).isEqualTo(first);
  }

  @Test
  void identicalSchemaSharesItsIdAcrossSubjects() {
    int claims = client.register("claims-value", Claim.getClassSchema());
    int copy = client.register("claims-copy-value", Claim.getClassSchema());
    int outcomes = client.register("outcomes-value", Outcome.getClassSchema());

    assertThat(copy).isEqualTo(claims);
    assertThat(outcomes).isEqualTo(claims + 1);
  }

  @Test
  void schemaIsFoundByItsId() {
    int id = client.register("claims-value", Claim.getClassSchema());

    assertThat(HttpSchemaRegistryClient.connect(server.url()).schemaById(id))
        .isEqualTo(Claim.getClassSchema());
  }

  @Test
  void aRestartedRegistryIsUnreachableWhileDownAndThenServesWhatItHeld() {
    int id = client.register("claims-value", Claim.getClassSchema());
    String url = server.url();

    server.close();
    assertThatThrownBy(() -> HttpSchemaRegistryClient.connect(url).schemaById(id))
        .isInstanceOfSatisfying(
            WireFormatException.class,
            e -> assertThat(e.reason()).isEqualTo(WireFormatException.Reason.REGISTRY_UNAVAILABLE));
    server.restart();

    assertThat(server.url()).isEqualTo(url);
    assertThat(HttpSchemaRegistryClient.connect(url).schemaById(id))
        .isEqualTo(Claim.getClassSchema());
  }

  @Test
  void unknownIdIsReportedAsSuch() {
    assertThatThrownBy(() -> client.schemaById(99))
        .isInstanceOfSatisfying(
            WireFormatException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_SCHEMA_ID));
  }

  @Test
  void backwardIncompatibleSchemaIsRefused() {
    Schema v1 = SchemaBuilder.record("Reading").fields().requiredString("sensor").endRecord();
    Schema withoutDefault =
        SchemaBuilder.record("Reading")
            .fields()
            .requiredString("sensor")
            .requiredDouble("value")
            .endRecord();
    Schema withDefault =
        SchemaBuilder.record("Reading")
            .fields()
            .requiredString("sensor")
            .name("value")
            .type()
            .doubleType()
            .doubleDefault(0)
            .endRecord();
    client.register("readings-value", v1);

    assertThatThrownBy(() -> client.register("readings-value", withoutDefault))
        .isInstanceOfSatisfying(
            WireFormatException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.INCOMPATIBLE_SCHEMA));
    assertThat(client.register("readings-value", withDefault)).isEqualTo(2);
  }

  @Test
  void servesTheReadEndpointsOfKafkaTooling() throws Exception {
    client.register("claims-value", Claim.getClassSchema());

    assertThat(get("/subjects")).isEqualTo("[\"claims-value\"]");
    assertThat(get("/subjects/claims-value/versions")).isEqualTo("[1]");
    assertThat(get("/subjects/claims-value/versions/latest"))
        .contains("\"subject\":\"claims-value\"", "\"version\":1", "\"id\":1");
    assertThat(get("/config")).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
  }

  @Test
  void unreachableRegistryIsReportedAsUnavailable() {
    String url = server.url();
    server.close();

    assertThatThrownBy(() -> HttpSchemaRegistryClient.connect(url).schemaById(1))
        .isInstanceOfSatisfying(
            WireFormatException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.REGISTRY_UNAVAILABLE);
              assertThat(e.getMessage()).contains(url, "schema.registry.url");
            });
    server = DevSchemaRegistryServer.start(0);
  }

  private String get(String path) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(server.url() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    return response.body();
  }
}
