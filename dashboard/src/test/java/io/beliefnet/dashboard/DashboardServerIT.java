package io.beliefnet.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.beliefnet.avro.RejectionReason;
import io.beliefnet.kafka.KafkaBroker;
import io.beliefnet.kafka.KafkaBrokerExtension;
import io.beliefnet.registry.AvroWireSerializer;
import io.beliefnet.registry.DevSchemaRegistryServer;
import io.beliefnet.registry.HttpSchemaRegistryClient;
import io.beliefnet.topics.Topic;
import io.beliefnet.topics.TopicNames;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The dashboard against a real broker and the development registry, without the job: records
 * written to the topics come out of the event stream and the JSON endpoints, and records of an
 * aborted transaction never do.
 */
@ExtendWith(KafkaBrokerExtension.class)
class DashboardServerIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  private record Frame(String event, String data) {}

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void streamsWhatTheTopicsCarryAndServesThePage(KafkaBroker broker) throws Exception {
    try (DevSchemaRegistryServer registry = DevSchemaRegistryServer.start(0);
        DashboardServer dashboard =
            DashboardServer.start(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                broker.bootstrapServers(),
                registry.url(),
                TopicNames.defaults())) {
      Iterator<String> stream =
          http.send(request(dashboard, "api/events"), HttpResponse.BodyHandlers.ofLines())
              .body()
              .iterator();
      assertThat(next(stream).event()).isEqualTo("snapshot");

      writeAbortedBelief(broker, registry);
      try (KafkaProducer<String, SpecificRecord> producer = producer(broker, registry, Map.of())) {
        send(producer, Topic.CLAIMS, Records.claim("p", "a", 0.9));
        send(producer, Topic.CLAIMS, Records.claim("p", "b", 0.4));
        send(producer, Topic.BELIEFS, Records.belief("p", 1, 0.7, null));
        send(producer, Topic.OUTCOMES, Records.outcome("p", "open"));
        send(producer, Topic.BELIEFS, Records.belief("p", 2, 1.0, "open"));
        send(producer, Topic.REJECTED, Records.rejected(RejectionReason.BAD_SIGNATURE, "forged"));
      }

      List<Frame> frames = new ArrayList<>();
      Set<String> events = new TreeSet<>();
      while (!events.containsAll(Set.of("scores", "rejected"))) {
        Frame frame = next(stream);
        frames.add(frame);
        events.add(frame.event());
      }
      assertThat(events).contains("claim", "belief", "outcome");
      assertThat(frames).noneMatch(frame -> frame.data().contains("aborted"));

      JsonNode snapshot = JSON.readTree(get(dashboard, "api/snapshot").body());
      assertThat(snapshot.at("/propositions").size()).isEqualTo(1);
      assertThat(snapshot.at("/propositions/0/version").asLong()).isEqualTo(2);
      assertThat(snapshot.at("/rejections/0/reasonCode").asText()).isEqualTo("BAD_SIGNATURE");
      assertThat(snapshot.at("/scores/beliefs/scored").asInt()).isEqualTo(1);
      // one vote each way: the tie goes to the first outcome, open, which is right
      assertThat(snapshot.at("/scores/majorityVote/accuracy").asDouble()).isEqualTo(1.0);
      JsonNode history = JSON.readTree(get(dashboard, "api/propositions/p").body());
      assertThat(history.at("/points").findValues("version"))
          .extracting(JsonNode::asLong)
          .containsExactly(1L, 2L);
      assertThat(history.at("/claims").size()).isEqualTo(2);
      assertThat(history.at("/outcome/outcome").asText()).isEqualTo("open");
      assertThat(get(dashboard, "api/propositions/unknown").statusCode()).isEqualTo(404);

      HttpResponse<String> page = get(dashboard, "");
      assertThat(page.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
      HttpResponse<String> chartJs = get(dashboard, "webjars/chart.js/dist/chart.js");
      assertThat(chartJs.statusCode()).isEqualTo(200);
      assertThat(chartJs.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
    }
  }

  /** An uncommitted belief on the partition the test's beliefs go to, then aborted. */
  private static void writeAbortedBelief(KafkaBroker broker, DevSchemaRegistryServer registry) {
    try (KafkaProducer<String, SpecificRecord> producer =
        producer(
            broker, registry, Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "dashboard-it"))) {
      producer.initTransactions();
      producer.beginTransaction();
      send(producer, Topic.BELIEFS, Records.belief("aborted", 1, 0.5, null));
      producer.flush();
      producer.abortTransaction();
    }
  }

  private static KafkaProducer<String, SpecificRecord> producer(
      KafkaBroker broker, DevSchemaRegistryServer registry, Map<String, Object> extra) {
    Map<String, Object> config = new HashMap<>(extra);
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    return new KafkaProducer<>(
        config,
        new StringSerializer(),
        new AvroWireSerializer<>(HttpSchemaRegistryClient.connect(registry.url())));
  }

  /** Every record on partition 0, so the dashboard reads them in the order written. */
  private static void send(
      KafkaProducer<String, SpecificRecord> producer, Topic topic, SpecificRecord value) {
    producer.send(new ProducerRecord<>(topic.defaultName(), 0, "key", value));
  }

  private static Frame next(Iterator<String> lines) {
    String event = null;
    String data = null;
    for (String line = lines.next(); !line.isEmpty() || event == null; line = lines.next()) {
      if (line.startsWith("event: ")) {
        event = line.substring("event: ".length());
      } else if (line.startsWith("data: ")) {
        data = line.substring("data: ".length());
      }
    }
    return new Frame(event, data);
  }

  private HttpResponse<String> get(DashboardServer dashboard, String path)
      throws IOException, InterruptedException {
    return http.send(request(dashboard, path), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest request(DashboardServer dashboard, String path) {
    return HttpRequest.newBuilder(URI.create(dashboard.url() + path))
        .timeout(Duration.ofSeconds(10))
        .build();
  }
}
