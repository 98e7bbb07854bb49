package io.beliefnet.sdk;

import io.beliefnet.avro.Claim;
import io.beliefnet.avro.Outcome;
import io.beliefnet.signing.AgentKey;
import io.beliefnet.topics.Topic;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * A registered agent or resolver publishing through a {@link BeliefClient}: every claim and outcome
 * is signed with the agent's key and sent keyed by its proposition, with its event time as the
 * Kafka timestamp (the job orders by it, and refuses a claim whose timestamp strays from its signed
 * event time). The synchronous methods return once the broker has acknowledged.
 */
public final class Agent {

  private final BeliefClient client;
  private final String id;
  private final AgentKey key;

  Agent(BeliefClient client, String id, AgentKey key) {
    this.client = client;
    this.id = id;
    this.key = key;
  }

  public String id() {
    return id;
  }

  /**
   * Signs and publishes the claim {@code request} describes; returns it once acknowledged.
   *
   * @throws IllegalArgumentException if the job would reject the claim's content
   * @throws BeliefClientException if it could not be published
   */
  public Claim claim(ClaimRequest request) {
    return client.await(claimAsync(request), "a claim of agent " + id);
  }

  /** As {@link #claim}, completing when acknowledged; for sending many claims at once. */
  public CompletableFuture<Claim> claimAsync(ClaimRequest request) {
    return send(key.sign(client.network(), request.toClaim(id, client.now())));
  }

  /**
   * Signs the claims {@code requests} describe as one batch, with one signature ({@link
   * AgentKey#signBatch}), publishes each as a record of its own keyed by its proposition, and
   * returns them in order once all are acknowledged. The agent signs once for the whole batch, and
   * a verifier that remembers verified roots checks that signature once. Claims without an event
   * time are made at the same instant.
   *
   * @throws IllegalArgumentException if there are no requests or more than 2^20, or the job would
   *     reject a claim's content; then nothing is sent
   * @throws BeliefClientException if a claim could not be published; others may have been, and the
   *     job ignores a claim id it has applied, so claim ids set on the requests make a retry safe
   */
  public List<Claim> claimBatch(List<ClaimRequest> requests) {
    return client.await(
        claimBatchAsync(requests), "a batch of " + requests.size() + " claims of agent " + id);
  }

  /** As {@link #claimBatch}, completing when every claim is acknowledged. */
  public CompletableFuture<List<Claim>> claimBatchAsync(List<ClaimRequest> requests) {
    Instant now = client.now();
    List<Claim> claims =
        key.signBatch(
            client.network(), requests.stream().map(request -> request.toClaim(id, now)).toList());
    CompletableFuture<?>[] sent = claims.stream().map(this::send).toArray(CompletableFuture[]::new);
    return CompletableFuture.allOf(sent).thenApply(acknowledged -> claims);
  }

  private CompletableFuture<Claim> send(Claim claim) {
    return client
        .send(
            Topic.CLAIMS,
            claim.getPropositionId(),
            claim,
            claim.getEventTime(),
            "claim " + claim.getClaimId() + " of agent " + id + " on " + claim.getPropositionId())
        .thenApply(sent -> claim);
  }

  /**
   * Publishes, as a resolver, that {@code propositionId} (of {@code domain}) resolved to {@code
   * outcome}, observed now; returns it once acknowledged. Only resolvers the job trusts may.
   */
  public Outcome resolve(String propositionId, String domain, String outcome) {
    return resolve(propositionId, domain, outcome, client.now());
  }

  /** As {@link #resolve(String, String, String)}, observed at {@code observedAt}. */
  public Outcome resolve(String propositionId, String domain, String outcome, Instant observedAt) {
    return client.await(
        resolveAsync(propositionId, domain, outcome, observedAt), "an outcome of resolver " + id);
  }

  /** As {@link #resolve(String, String, String, Instant)}, completing when acknowledged. */
  public CompletableFuture<Outcome> resolveAsync(
      String propositionId, String domain, String outcome, Instant observedAt) {
    Outcome resolution =
        key.sign(
            client.network(),
            Outcome.newBuilder()
                .setOutcomeId(UUID.randomUUID().toString())
                .setPropositionId(Ids.require("proposition id", propositionId))
                .setDomain(Ids.requireKeyPart("domain", domain))
                .setOutcome(Ids.require("outcome", outcome))
                .setResolverId(id)
                .setObservedAt(observedAt)
                .build());
    return client
        .send(
            Topic.OUTCOMES,
            propositionId,
            resolution,
            observedAt,
            "outcome " + outcome + " of " + propositionId + " by resolver " + id)
        .thenApply(sent -> resolution);
  }
}
