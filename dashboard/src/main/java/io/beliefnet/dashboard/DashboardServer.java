package io.beliefnet.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.beliefnet.dashboard.PropositionTrack.History;
import io.beliefnet.dashboard.StaticResources.Resource;
import io.beliefnet.topics.TopicNames;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The live dashboard: a page that follows the network's topics. Serves
 *
 * <ul>
 *   <li>{@code GET /} and its scripts and styles, Chart.js included, from the class path;
 *   <li>{@code GET /api/events}: server-sent events, a {@code snapshot} first, then {@code belief},
 *       {@code claim}, {@code outcome}, {@code agent}, {@code rejected} and {@code scores} as the
 *       topics bring them;
 *   <li>{@code GET /api/snapshot}: the same snapshot as JSON;
 *   <li>{@code GET /api/propositions/{id}}: one proposition's belief history and markers as JSON.
 * </ul>
 */
public final class DashboardServer implements AutoCloseable {

  private static final String EVENTS = "/api/events";
  private static final String SNAPSHOT = "/api/snapshot";
  private static final String PROPOSITIONS = "/api/propositions/";
  private static final Duration KEEP_ALIVE_AFTER = Duration.ofSeconds(15);

  private final HttpServer server;
  private final ExecutorService handlers;
  private final TopicFeed feed;
  private final EventHub hub;
  private final StaticResources resources = new StaticResources();

  private DashboardServer(
      HttpServer server, ExecutorService handlers, TopicFeed feed, EventHub hub) {
    this.server = server;
    this.handlers = handlers;
    this.feed = feed;
    this.hub = hub;
  }

  /**
   * Starts following the topics, under their {@code names}, on {@code bootstrapServers} (they must
   * exist) and serves the page on {@code address}; port 0 picks a free one.
   */
  public static DashboardServer start(
      InetSocketAddress address, String bootstrapServers, String registryUrl, TopicNames names) {
    HttpServer http;
    try {
      http = HttpServer.create(address, 0);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot serve the dashboard on " + address + " (is the port taken?)", e);
    }
    // one thread per open event stream, plus the short requests
    ExecutorService handlers =
        Executors.newCachedThreadPool(
            runnable -> {
              Thread thread = new Thread(runnable, "dashboard-http");
              thread.setDaemon(true);
              return thread;
            });
    EventHub hub = new EventHub();
    TopicFeed feed = TopicFeed.start(bootstrapServers, registryUrl, names, hub);
    DashboardServer dashboard = new DashboardServer(http, handlers, feed, hub);
    http.createContext("/", dashboard::handle);
    http.setExecutor(handlers);
    http.start();
    return dashboard;
  }

  /** The page's address, e.g. {@code http://127.0.0.1:8080/}. */
  public String url() {
    InetSocketAddress address = server.getAddress();
    String host =
        address.getAddress().isAnyLocalAddress()
            ? "127.0.0.1"
            : address.getAddress().getHostAddress();
    return "http://" + host + ":" + address.getPort() + "/";
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      if (!exchange.getRequestMethod().equals("GET")) {
        sendText(exchange, 405, "only GET is served");
      } else if (path.equals(EVENTS)) {
        stream(exchange);
      } else if (path.equals(SNAPSHOT)) {
        sendJson(exchange, hub.snapshot());
      } else if (path.startsWith(PROPOSITIONS)) {
        String id =
            URLDecoder.decode(path.substring(PROPOSITIONS.length()), StandardCharsets.UTF_8);
        Optional<History> history = hub.history(id);
        if (history.isPresent()) {
          sendJson(exchange, history.get());
        } else {
          sendText(exchange, 404, "no belief yet for " + id);
        }
      } else {
        Optional<Resource> resource = resources.find(path);
        if (resource.isPresent()) {
          send(exchange, 200, resource.get().contentType(), resource.get().bytes());
        } else {
          sendText(exchange, 404, "not found");
        }
      }
    }
  }

  /** Writes the page's event stream until the page goes away, is cut off, or the server stops. */
  private void stream(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    exchange.sendResponseHeaders(200, 0);
    SseClient client = hub.connect();
    try {
      OutputStream body = exchange.getResponseBody();
      while (!client.cutOff()) {
        body.write(client.next(KEEP_ALIVE_AFTER).getBytes(StandardCharsets.UTF_8));
        body.flush();
      }
    } catch (InterruptedException stopping) {
      Thread.currentThread().interrupt();
    } catch (IOException pageWentAway) {
      // the browser closed the connection; nothing to tell it
    } finally {
      hub.disconnect(client);
    }
  }

  private static void sendJson(HttpExchange exchange, Object value) throws IOException {
    byte[] json = Json.write(value).getBytes(StandardCharsets.UTF_8);
    send(exchange, 200, "application/json; charset=utf-8", json);
  }

  private static void sendText(HttpExchange exchange, int status, String text) throws IOException {
    byte[] line = (text + "\n").getBytes(StandardCharsets.UTF_8);
    send(exchange, status, "text/plain; charset=utf-8", line);
  }

  private static void send(HttpExchange exchange, int status, String contentType, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
  }

  @Override
  public void close() {
    server.stop(0);
    handlers.shutdownNow();
    try {
      feed.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
