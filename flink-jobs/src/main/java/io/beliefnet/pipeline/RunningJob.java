package io.beliefnet.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.JobID;
import org.apache.flink.core.execution.JobClient;

/**
 * Follows a submitted job: waits until every task runs or until a cancellation has ended it, and
 * counts its failures and checkpoints.
 *
 * <p>Why wait until every task runs: input written before that is read by sources that start at
 * different moments, and a source still waiting for its partitions counts as idle, so the first one
 * to read can move event time past what the others have not read yet: feeding a fresh job only once
 * it runs keeps its first records from being late.
 */
public final class RunningJob {

  private static final ObjectMapper JSON = new ObjectMapper();

  private RunningJob() {}

  /**
   * Polls the job's vertices through the Flink REST API at {@code restUrl}.
   *
   * @throws IllegalStateException if they are not all running within {@code patience}
   */
  public static void awaitAllTasksRunning(String restUrl, JobID job, Duration patience)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode vertices = get(restUrl + "/jobs/" + job).path("vertices");
      boolean allRunning = vertices.size() > 0;
      for (JsonNode vertex : vertices) {
        allRunning &= vertex.path("status").asText().equals("RUNNING");
      }
      if (allRunning) {
        return;
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(
        "the tasks of job " + job + " were not all running within " + patience);
  }

  /**
   * How many times the job has failed so far, each followed by a restart or the end: the entries of
   * its exception history, through the Flink REST API at {@code restUrl}.
   */
  public static int failures(String restUrl, JobID job) throws IOException, InterruptedException {
    JsonNode history = get(restUrl + "/jobs/" + job + "/exceptions").path("exceptionHistory");
    if (history.isMissingNode()) {
      throw new IllegalStateException("no exception history for job " + job + " at " + restUrl);
    }
    return history.path("entries").size();
  }

  /**
   * How many checkpoints of the job have completed so far, through the REST API at {@code restUrl}.
   */
  public static long completedCheckpoints(String restUrl, JobID job)
      throws IOException, InterruptedException {
    return get(restUrl + "/jobs/" + job + "/checkpoints").path("counts").path("completed").asLong();
  }

  /**
   * Cancels {@code job} and returns once it has ended. Flink acknowledges a cancellation before the
   * tasks stop, and until then they may still write a checkpoint into its directory.
   *
   * @throws TimeoutException if the job has not ended within {@code patience}
   */
  public static void cancel(JobClient job, Duration patience)
      throws InterruptedException, TimeoutException {
    try {
      job.cancel().get(patience.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException alreadyEnded) {
      // it failed or finished before the request: its result below says it has ended
    }
    try {
      job.getJobExecutionResult().get(patience.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException cancelledOrFailed) {
      // the result of a cancelled job is its cancellation: it has ended
    }
  }

  private static JsonNode get(String url) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).build();
    return JSON.readTree(
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body());
  }
}
