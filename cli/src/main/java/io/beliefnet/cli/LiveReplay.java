package io.beliefnet.cli;

import io.beliefnet.avro.Belief;
import io.beliefnet.avro.IdentityTier;
import io.beliefnet.model.eval.EvaluationHarness;
import io.beliefnet.model.eval.EvaluationOptions;
import io.beliefnet.model.eval.LabelDataset;
import io.beliefnet.model.eval.LabelReplay;
import io.beliefnet.model.eval.MethodResult;
import io.beliefnet.model.eval.ScoreAccumulator;
import io.beliefnet.pipeline.BeliefJobConfig;
import io.beliefnet.pipeline.trust.TokenBucket;
import io.beliefnet.pipeline.trust.TrustPolicy;
import io.beliefnet.sdk.Agent;
import io.beliefnet.sdk.AgentRegistration;
import io.beliefnet.sdk.BeliefClient;
import io.beliefnet.sdk.BeliefClientException;
import io.beliefnet.sdk.BeliefTable;
import io.beliefnet.sdk.ClaimRequest;
import io.beliefnet.signing.AgentKey;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.flink.configuration.Configuration;

/**
 * Streams a labelled data set through the running job as {@link LabelReplay} streams it through the
 * model (the same answers in the same order, the same revealed outcomes right after their
 * question's last answer, the same K labels), waits until the job has applied all of it, and scores
 * the job's final beliefs on the hidden questions beside the model harness's.
 *
 * <p>The stream goes into a domain of its own ({@code replay/<data set>/<run>}), so a replay never
 * meets earlier state. Every worker is registered as a verified agent with its own controller and a
 * key seeded by its id, as the harness treats workers. Event times are one spacing apart, the
 * smallest spacing at which the job's default claim rate admits every claim, from the wall clock at
 * the start, and each record is sent when its event time comes: the replay is a live stream, so it
 * is never behind the job's event time, and its last claims are applied without anything sent after
 * them.
 */
final class LiveReplay {

  /** The live and the model harness's scores of the same stream. */
  record Scores(MethodResult live, MethodResult model) {
    /** How far the live job's accuracy is from the harness's (both must score the same items). */
    double accuracyGap() {
      return Math.abs(live.accuracy() - model.accuracy());
    }
  }

  private static final Duration PATIENCE = Duration.ofMinutes(5);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
  private static final long[] SPACINGS_MS = {1, 10, 100, 1000};

  private final BeliefClient client;
  private final Agent resolver;
  private final PrintStream out;

  LiveReplay(BeliefClient client, Agent resolver, PrintStream out) {
    this.client = client;
    this.resolver = resolver;
    this.out = out;
  }

  /** Replays the data set in {@code directory} and scores it. */
  Scores run(Path directory, EvaluationOptions options) {
    LabelDataset data = LabelDataset.read(directory);
    List<LabelReplay.Step> stream = LabelReplay.stream(data, options);
    String domain = "replay/" + data.name() + "/" + UUID.randomUUID().toString().substring(0, 8);
    Set<String> hidden = LabelReplay.hidden(data, options);
    long spacing = spacing(stream);
    try (BeliefTable beliefs = client.subscribeBeliefs()) {
      out.printf(
          "replaying %s into domain %s: %d claims %d ms of event time apart, %d outcomes, %d questions hidden%n",
          data.name(),
          domain,
          stream.size(),
          spacing,
          stream.stream().filter(LabelReplay.Step::revealsOutcome).count(),
          hidden.size());
      Map<String, Long> lastEventTime = send(data, stream, domain, spacing);
      awaitApplied(beliefs, domain, lastEventTime);
      beliefs.awaitCurrent(PATIENCE);
      requireEveryClaimCounted(beliefs, stream, domain);
      ScoreAccumulator live = new ScoreAccumulator("live");
      for (String question : hidden) {
        Belief belief = beliefs.get(domain, domain + "/" + question).orElseThrow();
        live.add(
            belief.getProbabilities().stream().mapToDouble(Double::doubleValue).toArray(),
            data.truth().get(question));
      }
      MethodResult model =
          EvaluationHarness.run(directory, options).stream()
              .filter(result -> result.method().equals("model"))
              .findFirst()
              .orElseThrow();
      return new Scores(live.result(), model);
    }
  }

  /**
   * Registers the workers, then sends the stream from the wall clock on; returns each proposition's
   * last event time.
   */
  private Map<String, Long> send(
      LabelDataset data, List<LabelReplay.Step> stream, String domain, long spacing) {
    Map<String, Agent> agents = new HashMap<>();
    long registeredAt = System.currentTimeMillis();
    for (LabelReplay.Step step : stream) {
      agents.computeIfAbsent(step.answer().worker(), worker -> register(worker, registeredAt));
    }
    long start = System.currentTimeMillis();
    Map<String, Long> lastEventTime = new HashMap<>();
    List<CompletableFuture<?>> sent = new ArrayList<>();
    for (int i = 0; i < stream.size(); i++) {
      LabelDataset.Answer answer = stream.get(i).answer();
      long eventTime = start + spacing * (i + 1);
      sleepUntil(eventTime);
      String proposition = domain + "/" + answer.question();
      sent.add(
          agents
              .get(answer.worker())
              .claimAsync(
                  ClaimRequest.on(proposition, domain)
                      .outcomes(data.labels())
                      .label(data.labels().get(answer.label()))
                      .claimId(domain + "#" + i)
                      .eventTime(Instant.ofEpochMilli(eventTime))));
      if (stream.get(i).revealsOutcome()) {
        String truth = data.labels().get(data.truth().get(answer.question()));
        sent.add(
            resolver.resolveAsync(proposition, domain, truth, Instant.ofEpochMilli(eventTime)));
      }
      lastEventTime.put(proposition, eventTime);
    }
    try {
      CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
    return lastEventTime;
  }

  private Agent register(String worker, long at) {
    AgentKey key = AgentKey.fromSeed(worker.hashCode());
    client.issue(
        new AgentRegistration(worker, worker, IdentityTier.VERIFIED, 0, Instant.ofEpochMilli(at)),
        key.publicKey(),
        LocalStack.authority());
    return client.agent(worker, key);
  }

  /**
   * Waits until every proposition's belief is at least as new as its last event, which means the
   * job has applied the whole stream.
   */
  private void awaitApplied(BeliefTable beliefs, String domain, Map<String, Long> lastEventTime) {
    out.println("waiting for the job to apply the stream...");
    long deadline = System.currentTimeMillis() + PATIENCE.toMillis();
    long nextProgress = System.currentTimeMillis() + PROGRESS_EVERY.toMillis();
    long applied;
    while ((applied = applied(beliefs, domain, lastEventTime)) < lastEventTime.size()) {
      if (System.currentTimeMillis() >= nextProgress) {
        out.printf("  %d of %d questions applied%n", applied, lastEventTime.size());
        nextProgress += PROGRESS_EVERY.toMillis();
      }
      if (System.currentTimeMillis() > deadline) {
        throw new BeliefClientException(
            "the job has not applied the whole replay after "
                + PATIENCE.toMinutes()
                + " min; see 'belief tail"
                + " rejected --from-beginning' for refused records");
      }
      sleepUntil(System.currentTimeMillis() + POLL.toMillis());
    }
  }

  /**
   * Fails unless every proposition's belief stands on a claim of each of its workers: a claim the
   * job refused (see topic rejected) would make the live stream another stream than the model's.
   */
  private static void requireEveryClaimCounted(
      BeliefTable beliefs, List<LabelReplay.Step> stream, String domain) {
    Map<String, Set<String>> workers = new HashMap<>();
    for (LabelReplay.Step step : stream) {
      workers
          .computeIfAbsent(domain + "/" + step.answer().question(), question -> new HashSet<>())
          .add(step.answer().worker());
    }
    long undercounted =
        workers.entrySet().stream()
            .filter(
                question ->
                    beliefs.get(domain, question.getKey()).orElseThrow().getClaimCount()
                        != question.getValue().size())
            .count();
    if (undercounted > 0) {
      throw new BeliefClientException(
          "the job did not count every claim of the replay on "
              + undercounted
              + " propositions; see 'belief tail"
              + " rejected --from-beginning' for the refused records");
    }
  }

  /** How many questions have a belief as new as their last claim. */
  private static long applied(BeliefTable beliefs, String domain, Map<String, Long> lastEventTime) {
    return lastEventTime.entrySet().stream()
        .filter(
            last ->
                beliefs
                    .get(domain, last.getKey())
                    .filter(belief -> belief.getUpdatedAt().toEpochMilli() >= last.getValue())
                    .isPresent())
        .count();
  }

  /**
   * The smallest event time between claims at which the job's default rate for verified agents
   * admits every claim of the stream, replaying each worker's token bucket as the job keeps it.
   */
  private static long spacing(List<LabelReplay.Step> stream) {
    TrustPolicy trust = BeliefJobConfig.from(new Configuration()).trust();
    double rate = trust.ratePerSecond(IdentityTier.VERIFIED);
    double burst = trust.burstCapacity(IdentityTier.VERIFIED);
    for (long spacing : SPACINGS_MS) {
      if (admitsAll(stream, spacing, rate, burst)) {
        return spacing;
      }
    }
    return (long) Math.ceil(1000 / rate);
  }

  private static boolean admitsAll(
      List<LabelReplay.Step> stream, long spacing, double rate, double burst) {
    Map<String, TokenBucket> buckets = new HashMap<>();
    for (int i = 0; i < stream.size(); i++) {
      long at = spacing * (i + 1);
      TokenBucket bucket =
          buckets.computeIfAbsent(
              stream.get(i).answer().worker(), worker -> TokenBucket.full(burst, 0));
      if (!bucket.hasToken(at, rate, burst)) {
        return false;
      }
      bucket.take();
    }
    return true;
  }

  private static void sleepUntil(long epochMillis) {
    long wait = epochMillis - System.currentTimeMillis();
    if (wait > 0) {
      try {
        Thread.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new BeliefClientException("interrupted while replaying", e);
      }
    }
  }
}
