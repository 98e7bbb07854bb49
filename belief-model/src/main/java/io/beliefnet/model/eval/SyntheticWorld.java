package io.beliefnet.model.eval;

import io.beliefnet.model.AgentProfile;
import io.beliefnet.model.BeliefNetwork;
import io.beliefnet.model.Claim;
import io.beliefnet.model.ClaimContent;
import io.beliefnet.model.IdentityTier;
import io.beliefnet.model.Outcome;
import io.beliefnet.model.PropositionSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded world of agents claiming on propositions with known truth, streamed through a {@link
 * BeliefNetwork} (copiers read its beliefs as they go) and recorded so that baselines see the very
 * same claims.
 *
 * <p>Honest population, identical across scenarios for one seed: {@value #SPECIALISTS_PER_DOMAIN}
 * specialists per domain (90% right in their domain, 55% elsewhere), {@value #GENERALISTS} noisy
 * generalists (65% right everywhere), {@value #COPIERS} copiers who claim the current consensus,
 * all verified and independent. Attackers per {@link AttackScenario}: a sybil ring of {@value
 * #SYBILS} unverified unstaked identities (each its own controller, the hardest case) that all
 * claim the same wrong outcome; a liar with stake {@value #LIAR_STAKE} that puts only {@value
 * #LIAR_CLAIM_STAKE} of it on each lie, hoping to keep the influence its stake buys while losing
 * next to nothing; a spammer re-claiming random outcomes. A {@code reveal} share of propositions is
 * resolved right after its claims; the rest are scored at the end and then resolved, so that every
 * claim settles.
 */
public final class SyntheticWorld {
  static final int DOMAINS = 3;
  static final int OUTCOMES = 3;
  static final int PROPOSITIONS = 450;
  static final int SPECIALISTS_PER_DOMAIN = 2;
  static final int GENERALISTS = 10;
  static final int COPIERS = 3;
  static final int SYBILS = 60;
  static final double LIAR_STAKE = 10;
  static final double LIAR_CLAIM_STAKE = 0.01;
  static final double REVEAL = 0.2;

  /** Kind of agent, for reporting settlements by behaviour. */
  public enum AgentKind {
    SPECIALIST,
    GENERALIST,
    COPIER,
    SYBIL,
    STAKED_LIAR,
    SPAMMER
  }

  /** What a run produced. */
  public record Run(
      MethodResult model,
      MethodResult majority,
      double measuredSybilShare,
      Map<AgentKind, SettlementTotal> settlements) {}

  /** Settlements summed over the agents of one kind. */
  public record SettlementTotal(long claims, double amount) {
    public double perClaim() {
      return claims == 0 ? 0 : amount / claims;
    }
  }

  private record Agent(String id, AgentKind kind, int domain) {}

  private SyntheticWorld() {}

  public static Run run(AttackScenario scenario, long seed) {
    // separate streams, so that truth, honest claims and their order are the same in every scenario
    Random world = new Random(seed);
    Random honest = new Random(seed + 1);
    Random order = new Random(seed + 2);
    Random attack = new Random(seed + 3);
    BeliefNetwork network = new BeliefNetwork();
    Map<String, Agent> agents = new LinkedHashMap<>();
    for (int d = 0; d < DOMAINS; d++) {
      for (int s = 0; s < SPECIALISTS_PER_DOMAIN; s++) {
        add(
            network,
            agents,
            new Agent("specialist-" + d + "-" + s, AgentKind.SPECIALIST, d),
            IdentityTier.VERIFIED,
            0);
      }
    }
    for (int g = 0; g < GENERALISTS; g++) {
      add(
          network,
          agents,
          new Agent("generalist-" + g, AgentKind.GENERALIST, -1),
          IdentityTier.VERIFIED,
          0);
    }
    for (int c = 0; c < COPIERS; c++) {
      add(
          network,
          agents,
          new Agent("copier-" + c, AgentKind.COPIER, -1),
          IdentityTier.VERIFIED,
          0);
    }
    for (int s = 0; s < SYBILS; s++) {
      add(
          network,
          agents,
          new Agent("sybil-" + s, AgentKind.SYBIL, -1),
          IdentityTier.UNVERIFIED,
          0);
    }
    add(
        network,
        agents,
        new Agent("staked-liar", AgentKind.STAKED_LIAR, -1),
        IdentityTier.UNVERIFIED,
        LIAR_STAKE);
    add(network, agents, new Agent("spammer", AgentKind.SPAMMER, -1), IdentityTier.UNVERIFIED, 0);

    // latest label per agent per proposition: what majority vote counts, replacements applied
    Map<String, Map<String, Integer>> recorded = new LinkedHashMap<>();
    long claimCount = 0;
    int[] truth = new int[PROPOSITIONS];
    boolean[] revealed = new boolean[PROPOSITIONS];
    PropositionSpec[] specs = new PropositionSpec[PROPOSITIONS];
    long time = 0;
    long sybilClaims = 0;
    for (int p = 0; p < PROPOSITIONS; p++) {
      int domain = p % DOMAINS;
      specs[p] = PropositionSpec.of("p" + p, "world/" + domain, OUTCOMES);
      truth[p] = world.nextInt(OUTCOMES);
      revealed[p] = world.nextDouble() < REVEAL;
      // the attackers' chosen wrong outcome, shared by all of them on this proposition
      int lie = (truth[p] + 1 + world.nextInt(OUTCOMES - 1)) % OUTCOMES;
      List<Claim> claims = new ArrayList<>();
      for (Agent agent : agents.values()) {
        double accuracy =
            switch (agent.kind()) {
              case SPECIALIST -> agent.domain() == domain ? 0.9 : 0.55;
              case GENERALIST -> 0.65;
              default -> -1;
            };
        boolean takesPart =
            switch (agent.kind()) {
              case SPECIALIST -> honest.nextDouble() < (agent.domain() == domain ? 0.9 : 0.2);
              case GENERALIST -> honest.nextDouble() < 0.5;
              default -> false;
            };
        if (takesPart) {
          claims.add(Claim.label(specs[p], agent.id(), 0, noisyLabel(honest, truth[p], accuracy)));
        }
      }
      int honestClaims = claims.size();
      if (scenario.stakedLiar() && attack.nextDouble() < 0.8) {
        claims.add(
            new Claim(
                specs[p],
                "staked-liar",
                0,
                new ClaimContent.HardLabel(lie),
                LIAR_CLAIM_STAKE,
                List.of()));
      }
      if (scenario.spamFlood()) {
        for (int r = 0; r < 5; r++) {
          claims.add(Claim.label(specs[p], "spammer", 0, attack.nextInt(OUTCOMES)));
        }
      }
      int sybilCount =
          stochasticRound(
              attack, honestClaims * scenario.sybilShare() / (1 - scenario.sybilShare()));
      List<Integer> ring = new ArrayList<>();
      for (int s = 0; s < SYBILS; s++) {
        ring.add(s);
      }
      Collections.shuffle(ring, attack);
      for (int s = 0; s < Math.min(sybilCount, SYBILS); s++) {
        claims.add(Claim.label(specs[p], "sybil-" + ring.get(s), 0, lie));
        sybilClaims++;
      }
      Collections.shuffle(claims, order);
      for (Claim claim : claims) {
        time = apply(network, recorded, claim, time);
        claimCount++;
      }
      for (int c = 0; c < COPIERS; c++) {
        if (order.nextDouble() < 0.5) {
          int consensus = network.belief(specs[p].id()).orElseThrow().mostLikely();
          time = apply(network, recorded, Claim.label(specs[p], "copier-" + c, 0, consensus), time);
          claimCount++;
        }
      }
      if (revealed[p]) {
        network.resolve(new Outcome(specs[p].id(), truth[p], time++));
      }
    }

    ScoreAccumulator model = new ScoreAccumulator("model");
    for (int p = 0; p < PROPOSITIONS; p++) {
      if (!revealed[p]) {
        model.add(network.belief(specs[p].id()).orElseThrow().distribution(), truth[p]);
      }
    }
    ScoreAccumulator majority = new ScoreAccumulator("majority");
    for (int p = 0; p < PROPOSITIONS; p++) {
      if (!revealed[p]) {
        Map<String, Integer> labels = recorded.get(specs[p].id());
        double[] shares = new double[OUTCOMES];
        labels.values().forEach(label -> shares[label] += 1.0 / labels.size());
        majority.add(shares, truth[p]);
      }
    }

    Map<AgentKind, SettlementTotal> settlements = new LinkedHashMap<>();
    for (AgentKind kind : AgentKind.values()) {
      settlements.put(kind, new SettlementTotal(0, 0));
    }
    for (int p = 0; p < PROPOSITIONS; p++) {
      if (!revealed[p]) {
        network.resolve(new Outcome(specs[p].id(), truth[p], time++));
      }
    }
    for (Agent agent : agents.values()) {
      // the ledger holds each claim's current settlement, corrections and re-scores included
      var ledger = network.ledger(agent.id());
      SettlementTotal total = settlements.get(agent.kind());
      settlements.put(
          agent.kind(),
          new SettlementTotal(
              total.claims() + ledger.getSettledClaims(),
              total.amount() + ledger.getSettlementTotal()));
    }
    return new Run(
        model.result(),
        majority.result(),
        claimCount == 0 ? 0 : sybilClaims / (double) claimCount,
        settlements);
  }

  private static void add(
      BeliefNetwork network,
      Map<String, Agent> agents,
      Agent agent,
      IdentityTier tier,
      double stake) {
    agents.put(agent.id(), agent);
    network.register(new AgentProfile(agent.id(), agent.id(), tier, stake));
  }

  /**
   * Applies a hard-label claim stamped with the next event time, and records it for the baselines.
   */
  private static long apply(
      BeliefNetwork network, Map<String, Map<String, Integer>> recorded, Claim claim, long time) {
    network.claim(
        new Claim(
            claim.proposition(),
            claim.agentId(),
            time,
            claim.content(),
            claim.stake(),
            claim.evidenceIds()));
    recorded
        .computeIfAbsent(claim.proposition().id(), id -> new LinkedHashMap<>())
        .put(claim.agentId(), ((ClaimContent.HardLabel) claim.content()).label());
    return time + 1;
  }

  private static int noisyLabel(Random random, int truth, double accuracy) {
    if (random.nextDouble() < accuracy) {
      return truth;
    }
    return (truth + 1 + random.nextInt(OUTCOMES - 1)) % OUTCOMES;
  }

  private static int stochasticRound(Random random, double value) {
    int floor = (int) Math.floor(value);
    return floor + (random.nextDouble() < value - floor ? 1 : 0);
  }
}
