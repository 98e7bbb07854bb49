package io.beliefnet.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaParseException;

/**
 * A <b>development</b> schema registry: an in-memory HTTP server on 127.0.0.1 that answers the
 * Confluent Schema Registry REST endpoints this project and common Kafka tooling use. It keeps
 * nothing across restarts, has no authentication and is not for production, where {@code
 * schema.registry.url} points at Confluent Schema Registry or a compatible server (Apicurio's
 * compatibility API, Karapace, Redpanda).
 *
 * <p>Served: {@code POST /subjects/{s}/versions} (register, BACKWARD compatibility enforced),
 * {@code POST /subjects/{s}} (look up), {@code GET /schemas/ids/{id}}, {@code GET /subjects},
 * {@code GET /subjects/{s}/versions}, {@code GET /subjects/{s}/versions/{n|latest}}, {@code GET
 * /config}. Ids are global and start at 1; an identical schema gets one id in every subject.
 */
public final class DevSchemaRegistryServer implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

  private HttpServer server;
  private final List<Schema> schemasById = new ArrayList<>();
  private final Map<String, Integer> idsBySchemaText = new HashMap<>();
  private final Map<String, List<Integer>> versionsBySubject = new TreeMap<>();

  private DevSchemaRegistryServer() {}

  /** Starts the registry on 127.0.0.1:{@code port}; port 0 picks a free one. */
  public static DevSchemaRegistryServer start(int port) {
    DevSchemaRegistryServer registry = new DevSchemaRegistryServer();
    registry.listen(port);
    return registry;
  }

  /**
   * Serves again on the port it served on before {@link #close()}, with every schema it held, as a
   * registry restarts whose storage outlives it: for testing what clients do during an outage.
   */
  public synchronized void restart() {
    listen(server.getAddress().getPort());
  }

  private void listen(int port) {
    try {
      HttpServer http =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
      http.createContext("/", this::handle);
      http.setExecutor(Executors.newFixedThreadPool(2, daemonThreads()));
      http.start();
      server = http;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the development registry on port " + port, e);
    }
  }

  /** Runs a development registry until the process is stopped: {@code [port]}, default 8081. */
  public static void main(String[] args) {
    DevSchemaRegistryServer registry = start(args.length > 0 ? Integer.parseInt(args[0]) : 8081);
    System.out.println("development schema registry at " + registry.url());
  }

  /** Base URL, e.g. {@code http://127.0.0.1:8081}. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Stops serving; {@link #restart()} serves again. */
  @Override
  public synchronized void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Response response;
      try {
        response = route(exchange);
      } catch (RegistryError e) {
        response = e.response();
      } catch (RuntimeException e) {
        response = error(500, 50001, "internal error: " + e);
      }
      byte[] body = response.body().toString().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
      exchange.sendResponseHeaders(response.status(), body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private Response route(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String[] path = segments(exchange.getRequestURI().getRawPath());
    if (method.equals("GET") && path.length == 1 && path[0].equals("config")) {
      return ok(JSON.createObjectNode().put("compatibilityLevel", "BACKWARD"));
    }
    if (method.equals("GET") && path.length == 1 && path[0].equals("subjects")) {
      return ok(JSON.valueToTree(subjects()));
    }
    if (method.equals("GET")
        && path.length == 3
        && path[0].equals("schemas")
        && path[1].equals("ids")) {
      return ok(JSON.createObjectNode().put("schema", schemaById(parseId(path[2])).toString()));
    }
    if (path.length >= 2 && path[0].equals("subjects")) {
      String subject = path[1];
      if (method.equals("POST") && path.length == 3 && path[2].equals("versions")) {
        return ok(JSON.createObjectNode().put("id", register(subject, schemaIn(exchange))));
      }
      if (method.equals("POST") && path.length == 2) {
        return ok(lookUp(subject, schemaIn(exchange)));
      }
      if (method.equals("GET") && path.length == 3 && path[2].equals("versions")) {
        return ok(JSON.valueToTree(versionNumbers(subject)));
      }
      if (method.equals("GET") && path.length == 4 && path[2].equals("versions")) {
        return ok(version(subject, path[3]));
      }
    }
    return error(404, 404, "no such endpoint: " + method + " " + exchange.getRequestURI());
  }

  private synchronized List<String> subjects() {
    return List.copyOf(versionsBySubject.keySet());
  }

  private synchronized Schema schemaById(int id) {
    if (id < 1 || id > schemasById.size()) {
      throw new RegistryError(404, 40403, "Schema " + id + " not found");
    }
    return schemasById.get(id - 1);
  }

  private synchronized int register(String subject, Schema schema) {
    List<Integer> versions = versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
    Integer existing = idsBySchemaText.get(schema.toString());
    if (existing != null && versions.contains(existing)) {
      return existing;
    }
    if (!versions.isEmpty()) {
      Schema latest = schemasById.get(versions.get(versions.size() - 1) - 1);
      var compatibility = SchemaCompatibility.checkReaderWriterCompatibility(schema, latest);
      if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
        throw new RegistryError(
            409,
            409,
            "Schema being registered is incompatible with an earlier schema for subject \""
                + subject
                + "\": "
                + compatibility.getDescription());
      }
    }
    int id = existing != null ? existing : newId(schema);
    versions.add(id);
    return id;
  }

  private int newId(Schema schema) {
    schemasById.add(schema);
    int id = schemasById.size();
    idsBySchemaText.put(schema.toString(), id);
    return id;
  }

  private synchronized ObjectNode lookUp(String subject, Schema schema) {
    List<Integer> versions = versionsOf(subject);
    Integer id = idsBySchemaText.get(schema.toString());
    int index = id == null ? -1 : versions.indexOf(id);
    if (index < 0) {
      throw new RegistryError(404, 40403, "Schema not found under subject " + subject);
    }
    return describe(subject, index + 1, id);
  }

  private synchronized List<Integer> versionNumbers(String subject) {
    List<Integer> numbers = new ArrayList<>();
    for (int v = 1; v <= versionsOf(subject).size(); v++) {
      numbers.add(v);
    }
    return numbers;
  }

  private synchronized ObjectNode version(String subject, String which) {
    List<Integer> versions = versionsOf(subject);
    int number = which.equals("latest") ? versions.size() : parseVersion(which);
    if (number < 1 || number > versions.size()) {
      throw new RegistryError(404, 40402, "Version " + which + " not found.");
    }
    return describe(subject, number, versions.get(number - 1));
  }

  private ObjectNode describe(String subject, int version, int id) {
    return JSON.createObjectNode()
        .put("subject", subject)
        .put("version", version)
        .put("id", id)
        .put("schema", schemasById.get(id - 1).toString());
  }

  private List<Integer> versionsOf(String subject) {
    List<Integer> versions = versionsBySubject.get(subject);
    if (versions == null) {
      throw new RegistryError(404, 40401, "Subject '" + subject + "' not found.");
    }
    return versions;
  }

  private static Schema schemaIn(HttpExchange exchange) throws IOException {
    JsonNode request;
    try {
      request = JSON.readTree(exchange.getRequestBody());
    } catch (IOException e) {
      throw new RegistryError(422, 42201, "request body is not JSON: " + e.getMessage());
    }
    String type = request.path("schemaType").asText("AVRO");
    if (!type.equals("AVRO")) {
      throw new RegistryError(422, 42201, "only AVRO schemas are served here, not " + type);
    }
    try {
      return new Schema.Parser().parse(request.path("schema").asText());
    } catch (SchemaParseException e) {
      throw new RegistryError(422, 42201, "Invalid schema: " + e.getMessage());
    }
  }

  private static int parseId(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new RegistryError(404, 40403, "Schema " + text + " not found");
    }
  }

  private static int parseVersion(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new RegistryError(422, 42202, "The specified version '" + text + "' is not valid.");
    }
  }

  private static String[] segments(String rawPath) {
    return java.util.Arrays.stream(rawPath.split("/"))
        .filter(s -> !s.isEmpty())
        .map(s -> URLDecoder.decode(s, StandardCharsets.UTF_8))
        .toArray(String[]::new);
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    return runnable -> {
      Thread thread = new Thread(runnable, "dev-schema-registry");
      thread.setDaemon(true);
      return thread;
    };
  }

  private static Response ok(JsonNode body) {
    return new Response(200, body);
  }

  private static Response error(int status, int errorCode, String message) {
    return new Response(
        status, JSON.createObjectNode().put("error_code", errorCode).put("message", message));
  }

  private record Response(int status, JsonNode body) {}

  /** An answer in the registry's error format: HTTP status, error_code, message. */
  private static final class RegistryError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final int errorCode;

    RegistryError(int status, int errorCode, String message) {
      super(message);
      this.status = status;
      this.errorCode = errorCode;
    }

    Response response() {
      return error(status, errorCode, getMessage());
    }
  }
}
