package io.beliefnet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * {@code docker compose up} gives flowing beliefs: the whole stack is built and started from the
 * repository's compose file, and the live dashboard shows a published belief. Needs a Docker
 * engine; without one it is reported skipped, and {@link DeploymentFilesTest} checks the file.
 */
class ComposeStackIT {

  private static final Duration PATIENCE = Duration.ofMinutes(10);

  @Test
  void composeUpGivesFlowingBeliefs() throws Exception {
    assumeTrue(
        DockerClientFactory.instance().isDockerAvailable(),
        "no Docker engine is reachable, and docker compose needs one;"
            + " DeploymentFilesTest checks the compose file against the code instead");
    try (ComposeContainer compose =
        new ComposeContainer(new File("../docker-compose.yml"))
            .withLocalCompose(true)
            .withBuild(true)
            .withExposedService(
                "dashboard", 8080, Wait.forListeningPort().withStartupTimeout(PATIENCE))) {
      compose.start();
      URI snapshot =
          URI.create(
              "http://"
                  + compose.getServiceHost("dashboard", 8080)
                  + ":"
                  + compose.getServicePort("dashboard", 8080)
                  + "/api/snapshot");

      assertThat(waitForABelief(snapshot)).isTrue();
    }
  }

  private static boolean waitForABelief(URI snapshot) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (System.nanoTime() < deadline) {
      String body =
          http.send(HttpRequest.newBuilder(snapshot).build(), HttpResponse.BodyHandlers.ofString())
              .body();
      for (JsonNode proposition : new ObjectMapper().readTree(body).path("propositions")) {
        if (proposition.path("version").asLong() > 0) {
          return true;
        }
      }
      Thread.sleep(2_000);
    }
    return false;
  }
}
