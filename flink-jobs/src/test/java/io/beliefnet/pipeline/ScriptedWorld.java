package io.beliefnet.pipeline;

import io.beliefnet.avro.AgentIdentity;
import io.beliefnet.avro.Claim;
import io.beliefnet.avro.IdentityTier;
import io.beliefnet.avro.Outcome;
import io.beliefnet.topics.Topic;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded script of registrations, claims and outcomes over two domains: hard labels and
 * distributions, replaced claims, a revoked key, a claim made after its proposition resolved, and a
 * corrected outcome. Every claim and outcome is signed. Every event has its own timestamp, one
 * second apart, in script order.
 */
final class ScriptedWorld {

  static final long START = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
  private static final List<String> TRAFFIC = List.of("open", "closed");
  private static final List<String> LAB = List.of("clean", "trace", "contaminated");

  /** The resolver of every outcome; the job must list it in {@code trust.resolvers}. */
  static final String RESOLVER = "inspector";

  private record Agent(String id, String controller, IdentityTier tier, double accuracy) {}

  private static final List<Agent> AGENTS =
      List.of(
          new Agent("sensor-a", "city", IdentityTier.VERIFIED, 0.9),
          new Agent("sensor-b", "transit", IdentityTier.VERIFIED, 0.85),
          new Agent("analyst", "lab-co", IdentityTier.ATTESTED, 0.8),
          new Agent("generalist", "news", IdentityTier.VERIFIED, 0.6),
          new Agent("ring-1", "ring", IdentityTier.UNVERIFIED, 0.1),
          new Agent("ring-2", "ring", IdentityTier.UNVERIFIED, 0.1));

  private final SplittableRandom random;
  private final List<ScriptedEvent> events = new ArrayList<>();
  private long clock = START;

  private ScriptedWorld(long seed) {
    random = new SplittableRandom(seed);
  }

  /** The script for {@code seed}: about 130 claims on 16 propositions, 9 outcomes. */
  static List<ScriptedEvent> script(long seed) {
    return new ScriptedWorld(seed).play();
  }

  /** The timestamp after the script's last event. */
  static long end(List<ScriptedEvent> script) {
    return script.get(script.size() - 1).timestamp() + 1_000;
  }

  private List<ScriptedEvent> play() {
    for (Agent agent : AGENTS) {
      register(agent, false);
    }
    register(new Agent(RESOLVER, "city", IdentityTier.ATTESTED, 1), false);
    int propositions = 16;
    int[] truth = new int[propositions];
    for (int p = 0; p < propositions; p++) {
      truth[p] = random.nextInt(outcomes(p).size());
    }
    for (int round = 0; round < 22; round++) {
      int p = random.nextInt(propositions);
      for (Agent agent : AGENTS) {
        if (random.nextDouble() < 0.85) {
          claim(agent, p, truth[p], round);
        }
      }
    }
    register(AGENTS.get(5), true);
    for (int p = 0; p < propositions; p += 2) {
      resolve(p, outcomes(p).get(truth[p]), "first");
    }
    claim(AGENTS.get(3), 0, truth[0], 99); // after the outcome: carries no weight
    resolve(1, outcomes(1).get(truth[1]), "first");
    resolve(2, outcomes(2).get((truth[2] + 1) % outcomes(2).size()), "correction");
    return events;
  }

  private void register(Agent agent, boolean revoked) {
    AgentIdentity identity =
        TestRecords.AUTHORITY.sign(
            TestRecords.NETWORK,
            AgentIdentity.newBuilder()
                .setAgentId(agent.id())
                .setPublicKey(TestRecords.key(agent.id()).publicKey())
                .setRevoked(revoked)
                .setTier(agent.tier())
                .setController(agent.controller())
                .setStake(agent.tier() == IdentityTier.ATTESTED ? 10.0 : 0.0)
                .setRegisteredAt(Instant.ofEpochMilli(tick()))
                .build());
    events.add(new ScriptedEvent(Topic.AGENTS, agent.id(), identity, clock));
  }

  private void claim(Agent agent, int p, int truth, int round) {
    List<String> outcomes = outcomes(p);
    int k = outcomes.size();
    int label =
        random.nextDouble() < agent.accuracy() ? truth : (truth + 1 + random.nextInt(k - 1)) % k;
    boolean hard = random.nextDouble() < 0.7;
    List<Double> probabilities = new ArrayList<>();
    double confident = 0.5 + 0.4 * random.nextDouble();
    for (int i = 0; i < k; i++) {
      probabilities.add(
          hard ? (i == label ? 1.0 : 0.0) : (i == label ? confident : (1 - confident) / (k - 1)));
    }
    Claim claim =
        Claim.newBuilder()
            .setClaimId(agent.id() + "/" + p + "/" + round)
            .setAgentId(agent.id())
            .setPropositionId(proposition(p))
            .setDomain(domain(p))
            .setOutcomes(outcomes)
            .setProbabilities(probabilities)
            .setHardLabel(hard)
            .setEventTime(Instant.ofEpochMilli(tick()))
            .setEvidenceIds(agent.controller().equals("ring") ? List.of("ring-feed") : List.of())
            .build();
    TestRecords.key(agent.id()).sign(TestRecords.NETWORK, claim);
    events.add(new ScriptedEvent(Topic.CLAIMS, claim.getPropositionId(), claim, clock));
  }

  private void resolve(int p, String label, String kind) {
    Outcome outcome =
        Outcome.newBuilder()
            .setOutcomeId(kind + "/" + p)
            .setPropositionId(proposition(p))
            .setDomain(domain(p))
            .setOutcome(label)
            .setResolverId(RESOLVER)
            .setObservedAt(Instant.ofEpochMilli(tick()))
            .build();
    TestRecords.signed(outcome);
    events.add(new ScriptedEvent(Topic.OUTCOMES, outcome.getPropositionId(), outcome, clock));
  }

  private static String proposition(int p) {
    return (p % 2 == 0 ? "bridge-" : "batch-") + p;
  }

  private static String domain(int p) {
    return p % 2 == 0 ? "traffic/london" : "lab/qc";
  }

  private static List<String> outcomes(int p) {
    return p % 2 == 0 ? TRAFFIC : LAB;
  }

  private long tick() {
    clock += 1_000;
    return clock;
  }
}
