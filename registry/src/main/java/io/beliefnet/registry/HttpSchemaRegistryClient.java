package io.beliefnet.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.beliefnet.registry.WireFormatException.Reason;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * {@link SchemaRegistryClient} over the Confluent Schema Registry REST API ({@code POST
 * /subjects/{subject}/versions}, {@code GET /schemas/ids/{id}}), for Confluent Schema Registry and
 * compatible servers. Thread-safe; caches every answer for the client's lifetime since ids and
 * registrations are immutable. Each call times out after the configured timeout.
 */
public final class HttpSchemaRegistryClient implements SchemaRegistryClient {

  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI baseUrl;
  private final Duration timeout;
  private final HttpClient http;
  private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
  private final Map<String, Integer> idsBySubjectAndSchema = new ConcurrentHashMap<>();

  public HttpSchemaRegistryClient(String baseUrl, Duration timeout) {
    this.baseUrl = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /** A client of the registry at {@code baseUrl} with a 5 s timeout per call. */
  public static HttpSchemaRegistryClient connect(String baseUrl) {
    return new HttpSchemaRegistryClient(baseUrl, Duration.ofSeconds(5));
  }

  @Override
  public int register(String subject, Schema schema) {
    String key = subject + '\n' + schema.toString();
    Integer cached = idsBySubjectAndSchema.get(key);
    if (cached != null) {
      return cached;
    }
    String body = JSON.createObjectNode().put("schema", schema.toString()).toString();
    JsonNode answer =
        call(
            HttpRequest.newBuilder(resolve("subjects/" + encode(subject) + "/versions"))
                .POST(HttpRequest.BodyPublishers.ofString(body)),
            "registering a schema under subject " + subject);
    int id = answer.path("id").asInt(-1);
    if (id < 0) {
      throw new WireFormatException(
          Reason.REGISTRY_UNAVAILABLE,
          "registry at " + baseUrl + " answered a registration without an id: " + answer);
    }
    idsBySubjectAndSchema.put(key, id);
    schemasById.putIfAbsent(id, schema);
    return id;
  }

  @Override
  public Schema schemaById(int id) {
    Schema cached = schemasById.get(id);
    if (cached != null) {
      return cached;
    }
    JsonNode answer =
        call(
            HttpRequest.newBuilder(resolve("schemas/ids/" + id)).GET(), "fetching schema id " + id);
    Schema schema = parse(answer.path("schema").asText(), id);
    schemasById.putIfAbsent(id, schema);
    return schema;
  }

  private JsonNode call(HttpRequest.Builder request, String what) {
    HttpResponse<String> response;
    try {
      response =
          http.send(
              request
                  .timeout(timeout)
                  .header("Content-Type", CONTENT_TYPE)
                  .header("Accept", CONTENT_TYPE)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw unavailable(what, e.toString(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable(what, "interrupted", e);
    }
    JsonNode body = readJson(response.body());
    int status = response.statusCode();
    if (status == 200) {
      return body;
    }
    int errorCode = body.path("error_code").asInt(status);
    String message = body.path("message").asText(response.body());
    if (status == 404) {
      throw new WireFormatException(
          Reason.UNKNOWN_SCHEMA_ID,
          "registry at "
              + baseUrl
              + " does not know the schema ("
              + what
              + "): "
              + message
              + " (error "
              + errorCode
              + "); the record was written against another registry"
              + " or the schema was deleted");
    }
    if (status == 409) {
      throw new WireFormatException(
          Reason.INCOMPATIBLE_SCHEMA,
          "registry at "
              + baseUrl
              + " refused the schema as incompatible ("
              + what
              + "): "
              + message
              + "; evolve it BACKWARD compatibly (new fields need defaults)");
    }
    if (status == 422) {
      throw new WireFormatException(
          Reason.INVALID_SCHEMA,
          "registry at " + baseUrl + " refused the schema as invalid (" + what + "): " + message);
    }
    throw unavailable(what, "HTTP " + status + " " + message, null);
  }

  private WireFormatException unavailable(String what, String detail, Throwable cause) {
    return new WireFormatException(
        Reason.REGISTRY_UNAVAILABLE,
        "schema registry at "
            + baseUrl
            + " did not answer "
            + what
            + " ("
            + detail
            + "); check schema.registry.url and that the registry is running",
        cause);
  }

  private static JsonNode readJson(String text) {
    try {
      return text.isEmpty() ? JSON.createObjectNode() : JSON.readTree(text);
    } catch (IOException notJson) {
      return JSON.createObjectNode();
    }
  }

  private Schema parse(String text, int id) {
    try {
      return new Schema.Parser().parse(text);
    } catch (RuntimeException e) {
      throw new WireFormatException(
          Reason.UNKNOWN_SCHEMA_ID,
          "registry at "
              + baseUrl
              + " holds a schema under id "
              + id
              + " that is not Avro: "
              + e.getMessage(),
          e);
    }
  }

  private URI resolve(String path) {
    return baseUrl.resolve(path);
  }

  private static String encode(String subject) {
    return URLEncoder.encode(subject, StandardCharsets.UTF_8);
  }
}
