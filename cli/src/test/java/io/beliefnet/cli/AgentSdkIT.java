package io.beliefnet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.beliefnet.avro.Belief;
import io.beliefnet.avro.Contribution;
import io.beliefnet.avro.EvidenceRequest;
import io.beliefnet.avro.IdentityTier;
import io.beliefnet.model.eval.EvaluationOptions;
import io.beliefnet.pipeline.BeliefJobOptions;
import io.beliefnet.sdk.Agent;
import io.beliefnet.sdk.AgentRegistration;
import io.beliefnet.sdk.BeliefClient;
import io.beliefnet.sdk.BeliefTable;
import io.beliefnet.sdk.ClaimRequest;
import io.beliefnet.sdk.EvidenceRequests;
import io.beliefnet.signing.AgentKey;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SDK against the local stack: a real Kafka broker, the development registry and the belief job
 * on a MiniCluster. What an agent publishes through the SDK comes back as a belief, and a data set
 * replayed through the job ends with the model harness's accuracy on the same stream.
 */
class AgentSdkIT {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  /** Debian's interpreter, which its python3-* packages install into. */
  private static final String PYTHON = "/usr/bin/python3";

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path stateDir;
  private static LocalStack stack;
  private static BeliefClient client;

  @BeforeAll
  static void startStack() throws Exception {
    stack = LocalStack.start(stateDir.resolve("stack"), 0);
    client = BeliefClient.builder(stack.bootstrapServers(), stack.registryUrl()).build();
  }

  @AfterAll
  static void stopStack() {
    if (client != null) {
      client.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  /**
   * A lone claim into a quiet stack, with nothing sent after it to move event time past it, comes
   * back within the idle timeout, the checkpoint interval and a second.
   */
  @Test
  void aClaimPublishedThroughTheSdkComesBackAsABelief() {
    AgentKey key = AgentKey.generate();
    client.issue(
        new AgentRegistration("bridge-sensor", "city-sensors", IdentityTier.VERIFIED, 0),
        key.publicKey(),
        LocalStack.authority());

    try (BeliefTable beliefs = client.subscribeBeliefs()) {
      List<Belief> heard = new ArrayList<>();
      beliefs.onUpdate(
          belief -> {
            if (belief.getPropositionId().equals("bridge-9-status")) {
              heard.add(belief);
            }
          });
      client
          .agent("bridge-sensor", key)
          .claim(
              ClaimRequest.on("bridge-9-status", "traffic/test")
                  .outcomes(List.of("open", "closed"))
                  .probabilities(List.of(0.2, 0.8)));

      Belief belief =
          beliefs.await(
              "traffic/test",
              "bridge-9-status",
              b -> true,
              BeliefJobOptions.IDLE_TIMEOUT
                  .defaultValue()
                  .plus(LocalStack.CHECKPOINT_INTERVAL)
                  .plusSeconds(1));

      assertThat(belief.getDomain()).isEqualTo("traffic/test");
      assertThat(belief.getOutcomes()).containsExactly("open", "closed");
      assertThat(belief.getClaimCount()).isEqualTo(1);
      assertThat(belief.getProbabilities().get(1)).isGreaterThan(0.5);
      assertThat(belief.getTopContributors())
          .extracting(Contribution::getAgentId)
          .containsExactly("bridge-sensor");
      assertThat(heard).contains(belief);
    }
  }

  /**
   * Once two agents have a track record in a domain, a third agent's lone claim on a new
   * proposition leaves its belief uncertain, and the job asks the other two, through {@code
   * evidence-requests}, for their claims; an answer counts like any claim.
   */
  @Test
  void anUncertainBeliefAsksTheAgentsWithATrackRecordAndTheirAnswerCounts() throws Exception {
    String domain = "rivers/test";
    Map<String, AgentKey> keys = new LinkedHashMap<>();
    for (String agent : List.of("gauge-a", "gauge-b", "newcomer")) {
      keys.put(agent, AgentKey.generate());
      client.issue(
          new AgentRegistration(agent, agent + "-operator", IdentityTier.VERIFIED, 0),
          keys.get(agent).publicKey(),
          LocalStack.authority());
    }
    try (EvidenceRequests asked = client.subscribeRequests("gauge-a");
        BeliefTable beliefs = client.subscribeBeliefs()) {
      List<EvidenceRequest> heard = new CopyOnWriteArrayList<>();
      asked.onRequest(heard::add);
      // a track record: both gauges agree on a few levels, each resolved
      for (int i = 0; i < 3; i++) {
        for (String gauge : List.of("gauge-a", "gauge-b")) {
          client
              .agent(gauge, keys.get(gauge))
              .claim(
                  ClaimRequest.on("level-" + i, domain)
                      .outcomes(List.of("low", "high"))
                      .label("high"));
        }
        client
            .agent(LocalStack.RESOLVER, LocalStack.resolverKey())
            .resolve("level-" + i, domain, "high");
      }
      beliefs.await(domain, "level-2", b -> b.getResolvedOutcome() != null, PATIENCE);

      client
          .agent("newcomer", keys.get("newcomer"))
          .claim(
              ClaimRequest.on("level-9", domain)
                  .outcomes(List.of("low", "high"))
                  .probabilities(List.of(0.45, 0.55)));
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      while (heard.stream().noneMatch(r -> r.getPropositionId().equals("level-9"))) {
        assertThat(System.nanoTime()).as("a request to gauge-a about level-9").isLessThan(deadline);
        Thread.sleep(100);
      }

      EvidenceRequest request =
          heard.stream().filter(r -> r.getPropositionId().equals("level-9")).findFirst().get();
      assertThat(request.getDomain()).isEqualTo(domain);
      assertThat(request.getOutcomes()).containsExactly("low", "high");
      assertThat(request.getExpectedLossReduction()).isGreaterThan(0);
      assertThat(asked.open()).contains(request);

      client
          .agent("gauge-a", keys.get("gauge-a"))
          .claim(ClaimRequest.on("level-9", domain).outcomes(request.getOutcomes()).label("high"));
      Belief answered = beliefs.await(domain, "level-9", b -> b.getClaimCount() == 2, PATIENCE);
      assertThat(answered.getProbabilities().get(1)).isGreaterThan(0.55);
    }
  }

  /**
   * The Python example, run as its docs say with Debian's packages only, registers, signs claims
   * one by one and as a batch, and sees every one of them counted in a belief.
   */
  @Test
  void thePythonExampleAgentsClaimsAreCounted() throws Exception {
    assumePythonPackages();

    Process agent =
        run(
            PYTHON,
            "../examples/python/belief_agent.py",
            "--bootstrap-servers",
            stack.bootstrapServers(),
            "--registry",
            stack.registryUrl(),
            "--authority-key",
            stateDir.resolve("stack").resolve(LocalStack.AUTHORITY_KEY_FILE).toString(),
            "--agent-id",
            "python-sensor",
            "--claims",
            "2",
            "--batch",
            "3");

    String output = new String(agent.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(agent.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as(output).isTrue();
    assertThat(agent.exitValue()).as(output).isZero();
    Set<String> counted = new HashSet<>();
    for (String line : output.lines().toList()) {
      JsonNode belief = JSON.readTree(line);
      if (belief.path("contributors").toString().contains("\"python-sensor\"")) {
        counted.add(belief.path("propositionId").asText());
      }
    }
    assertThat(counted).as(output).hasSize(5);
  }

  /** The Python example signs every claim and batch vector of docs/SIGNING.md as Java does. */
  @Test
  void thePythonExampleSignsLikeTheVectors() throws Exception {
    assumePythonPackages();

    Process check = run(PYTHON, "../examples/python/check_vectors.py");

    String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(check.waitFor()).as(output).isZero();
    assertThat(output).contains("4 vectors match");
  }

  private static void assumePythonPackages() throws Exception {
    assumeTrue(
        run(PYTHON, "-c", "import confluent_kafka, nacl, avro").waitFor() == 0,
        "the Python example needs python3-confluent-kafka, python3-nacl and python3-avro");
  }

  /** Starts {@code command} with its error output merged into its output. */
  private static Process run(String... command) throws IOException {
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  @Test
  void flinksWebUiIsServedOnTheRestPort() throws Exception {
    HttpResponse<String> response = get(stack.flinkRestUrl() + "/");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("Apache Flink Web Dashboard");
  }

  @Test
  void theJobsMetricsAreServedInPrometheusTextFormat() throws Exception {
    HttpResponse<String> response = get(stack.metricsUrl());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(ReadmeMetrics.names()).hasSizeGreaterThan(5);
    for (String name : ReadmeMetrics.names()) {
      assertThat(response.body()).as("metric %s", name).contains(name + "{");
    }
  }

  @Test
  void aReplayThroughTheJobEndsNearTheModelHarnesssAccuracy(@TempDir Path data) throws IOException {
    writeDataSet(data, 20, new double[] {0.9, 0.8, 0.7, 0.6, 0.55}, new Random(11));
    Agent resolver = client.agent(LocalStack.RESOLVER, LocalStack.resolverKey());

    LiveReplay.Scores scores =
        new LiveReplay(client, resolver, System.out).run(data, EvaluationOptions.of(0.2, 3));

    assertThat(scores.live().scored()).isEqualTo(16);
    assertThat(scores.model().scored()).isEqualTo(16);
    // the job learns a checkpoint later than the harness (see the architecture doc's consistency
    // model): on 16 questions, at most two may come out differently
    assertThat(scores.accuracyGap()).isLessThanOrEqualTo(2.0 / 16);
  }

  /** Questions answered by every worker, each right with its accuracy; workers answer in turn. */
  private static HttpResponse<String> get(String url) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void writeDataSet(Path dir, int questions, double[] accuracies, Random random)
      throws IOException {
    StringBuilder answers = new StringBuilder("question,worker,answer\n");
    StringBuilder truth = new StringBuilder("question,truth\n");
    int[] truths = new int[questions];
    for (int q = 0; q < questions; q++) {
      truths[q] = random.nextInt(2);
      truth.append("q").append(q).append(',').append(truths[q]).append('\n');
    }
    for (int w = 0; w < accuracies.length; w++) {
      for (int q = 0; q < questions; q++) {
        int label = random.nextDouble() < accuracies[w] ? truths[q] : 1 - truths[q];
        answers.append("q").append(q).append(",w").append(w).append(',').append(label).append('\n');
      }
    }
    Files.writeString(dir.resolve("answer.csv"), answers);
    Files.writeString(dir.resolve("truth.csv"), truth);
  }
}
