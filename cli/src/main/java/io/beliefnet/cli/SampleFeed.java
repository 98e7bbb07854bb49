package io.beliefnet.cli;

import io.beliefnet.avro.AgentIdentity;
import io.beliefnet.avro.Claim;
import io.beliefnet.avro.IdentityTier;
import io.beliefnet.avro.Outcome;
import io.beliefnet.registry.AvroWireSerializer;
import io.beliefnet.registry.HttpSchemaRegistryClient;
import io.beliefnet.registry.SchemaRegistryClient;
import io.beliefnet.signing.AgentKey;
import io.beliefnet.topics.Topic;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A small seeded stream of registrations, claims and outcomes for the local stack: verified
 * specialists who are right 90% of the time, verified generalists right 65% of the time, and a
 * ring of unverified identities under one controller that always claims the wrong outcome. One
 * proposition opens per round; each resolves a few rounds after it opened, by the local stack's
 * resolver. Every agent signs with a key made for this run.
 */
final class SampleFeed implements AutoCloseable {

  private static final String DOMAIN = "traffic/london";
  private static final List<String> OUTCOMES = List.of("open", "closed");
  private static final int ROUNDS_UNTIL_RESOLVED = 5;

  private record SampleAgent(String id, String controller, IdentityTier tier, double accuracy) {}

  private static final List<SampleAgent> AGENTS =
      List.of(
          new SampleAgent("specialist-1", "city-sensors", IdentityTier.VERIFIED, 0.9),
          new SampleAgent("specialist-2", "transit-authority", IdentityTier.VERIFIED, 0.9),
          new SampleAgent("generalist-1", "news-desk", IdentityTier.VERIFIED, 0.65),
          new SampleAgent("generalist-2", "weather-co", IdentityTier.VERIFIED, 0.65),
          new SampleAgent("sybil-1", "ring", IdentityTier.UNVERIFIED, 0.0),
          new SampleAgent("sybil-2", "ring", IdentityTier.UNVERIFIED, 0.0),
          new SampleAgent("sybil-3", "ring", IdentityTier.UNVERIFIED, 0.0));

  private final KafkaProducer<String, SpecificRecord> producer;
  private final SplittableRandom random = new SplittableRandom(7);
  private final List<Integer> truths = new ArrayList<>();
  private final Map<String, AgentKey> keys = new HashMap<>();
  private long clock = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

  SampleFeed(String bootstrapServers, String registryUrl) {
    SchemaRegistryClient registry = HttpSchemaRegistryClient.connect(registryUrl);
    producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
            new StringSerializer(),
            new AvroWireSerializer<>(registry));
  }

  /**
   * Registers the sample agents, each with a new key, all at one event time: registrations spread
   * over more than the job's out-of-orderness could reach it late, when one partition of the
   * agents topic has gone idle and the other has moved event time on.
   */
  void registerAgents() {
    Instant registeredAt = Instant.ofEpochMilli(tick());
    for (SampleAgent agent : AGENTS) {
      keys.put(agent.id(), AgentKey.generate());
      send(
          Topic.AGENTS,
          agent.id(),
          AgentIdentity.newBuilder()
              .setAgentId(agent.id())
              .setPublicKey(keys.get(agent.id()).publicKey())
              .setTier(agent.tier())
              .setController(agent.controller())
              .setStake(0.0)
              .setRegisteredAt(registeredAt)
              .build());
    }
    producer.flush();
  }

  /** Opens one proposition with a claim from every agent, and resolves an older one. */
  void playRound() {
    int round = truths.size();
    int truth = random.nextInt(2);
    truths.add(truth);
    String proposition = "bridge-" + round + "-status";
    for (SampleAgent agent : AGENTS) {
      int label = random.nextDouble() < agent.accuracy() ? truth : 1 - truth;
      send(Topic.CLAIMS, proposition, claim(agent, proposition, round, label));
    }
    int resolving = round - ROUNDS_UNTIL_RESOLVED;
    if (resolving >= 0) {
      String resolved = "bridge-" + resolving + "-status";
      Outcome outcome =
          Outcome.newBuilder()
              .setOutcomeId("outcome-" + resolving)
              .setPropositionId(resolved)
              .setDomain(DOMAIN)
              .setOutcome(OUTCOMES.get(truths.get(resolving)))
              .setResolverId(LocalStack.RESOLVER)
              .setObservedAt(Instant.ofEpochMilli(tick()))
              .build();
      send(Topic.OUTCOMES, resolved, LocalStack.resolverKey().sign(outcome));
    }
    producer.flush();
  }

  private Claim claim(SampleAgent agent, String proposition, int round, int label) {
    Claim claim = Claim.newBuilder()
        .setClaimId(agent.id() + "/" + round)
        .setAgentId(agent.id())
        .setPropositionId(proposition)
        .setDomain(DOMAIN)
        .setOutcomes(OUTCOMES)
        .setProbabilities(label == 0 ? List.of(1.0, 0.0) : List.of(0.0, 1.0))
        .setHardLabel(true)
        .setEventTime(Instant.ofEpochMilli(tick()))
        .build();
    return keys.get(agent.id()).sign(claim);
  }

  /** Sends with the event time as the Kafka timestamp, which the job orders events by. */
  private void send(Topic topic, String key, SpecificRecord value) {
    producer.send(new ProducerRecord<>(topic.defaultName(), null, clock, key, value));
  }

  private long tick() {
    clock += 1_000;
    return clock;
  }

  @Override
  public void close() {
    producer.close();
  }
}
