package io.beliefnet.pipeline;

import io.beliefnet.avro.IdentityTier;
import io.beliefnet.model.ProbabilityVectors;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded world for running attacks through the live job: the honest population of the model's
 * synthetic world (specialists, noisy generalists) claiming on propositions that open one every
 * {@link #TICK_MILLIS}, a fifth of them resolved right after their claims, plus one attack. The
 * honest claims, their order and the truth are the same in every scenario of one seed, so the
 * scenarios differ by the attack alone.
 *
 * <p>Times are offsets from the run's start; the runner signs each claim with the key named in its
 * step, at that time.
 */
final class AttackPlan {

  static final int DOMAINS = 3;
  static final int OUTCOMES = 3;
  static final int PROPOSITIONS = 90;
  static final long TICK_MILLIS = 100;
  private static final int SPECIALISTS_PER_DOMAIN = 2;
  private static final int GENERALISTS = 6;
  private static final int SYBILS = 60;
  private static final int SPAMMERS = 10;
  private static final int COPIERS = 5;
  private static final String VICTIM = "specialist-0-0";

  /** The staked liar registers this stake and puts only a dust stake on each lie. */
  private static final double LIAR_STAKE = 10;

  private static final double LIAR_CLAIM_STAKE = 0.01;

  /** The agent whose claims in {@code test/heartbeat} keep event time moving. */
  static final String HEARTBEAT = "heart";

  /** The attacks, each run against the same honest world. */
  enum Attack {
    NONE("no attack"),
    SYBIL_RING("sybil ring, 50% of claims"),
    SPAM_FLOOD("spam flood, 10x honest traffic"),
    STAKED_LIAR("staked liar, dust stake per lie"),
    COPIER_RING("copier ring"),
    KEY_THEFT("key theft, then revocation");

    final String label;

    Attack(String label) {
      this.label = label;
    }
  }

  /** Who is registered, with which key. */
  record Registration(
      long at,
      String agent,
      IdentityTier tier,
      String controller,
      double stake,
      String key,
      boolean revoked) {}

  /**
   * A hard-label claim by {@code agent}, signed with the key named {@code key}, putting {@code
   * stake} at risk (0: the agent's remaining registered stake).
   */
  record ClaimStep(
      long at, String agent, String key, int proposition, int label, boolean honest, double stake) {
    ClaimStep(long at, String agent, String key, int proposition, int label, boolean honest) {
      this(at, agent, key, proposition, label, honest, 0);
    }
  }

  /** The outcome of a revealed proposition. */
  record ResolveStep(long at, int proposition) {}

  final List<Registration> registrations = new ArrayList<>();
  final List<ClaimStep> claims = new ArrayList<>();
  final List<ResolveStep> outcomes = new ArrayList<>();
  final int[] truth = new int[PROPOSITIONS];
  final boolean[] revealed = new boolean[PROPOSITIONS];

  private AttackPlan() {}

  static String proposition(int p) {
    return "p" + p;
  }

  static String domain(int p) {
    return "world/" + (p % DOMAINS);
  }

  static AttackPlan of(Attack attack, long seed) {
    AttackPlan plan = new AttackPlan();
    plan.build(
        attack, new Random(seed), new Random(seed + 1), new Random(seed + 2), new Random(seed + 3));
    return plan;
  }

  private void build(Attack attack, Random world, Random honest, Random order, Random adversary) {
    register(ScriptedWorld.RESOLVER, IdentityTier.ATTESTED, 0);
    register(HEARTBEAT, IdentityTier.ATTESTED, 0);
    List<String> specialists = new ArrayList<>();
    for (int d = 0; d < DOMAINS; d++) {
      for (int s = 0; s < SPECIALISTS_PER_DOMAIN; s++) {
        specialists.add(register("specialist-" + d + "-" + s, IdentityTier.VERIFIED, 0));
      }
    }
    List<String> generalists = new ArrayList<>();
    for (int g = 0; g < GENERALISTS; g++) {
      generalists.add(register("generalist-" + g, IdentityTier.VERIFIED, 0));
    }
    List<String> attackers =
        switch (attack) {
          case SYBIL_RING -> registerAll("sybil-", SYBILS, IdentityTier.UNVERIFIED, 0);
          case SPAM_FLOOD -> registerAll("spammer-", SPAMMERS, IdentityTier.UNVERIFIED, 0);
          case STAKED_LIAR -> registerAll("staked-liar-", 1, IdentityTier.UNVERIFIED, LIAR_STAKE);
          case COPIER_RING -> registerAll("copier-", COPIERS, IdentityTier.VERIFIED, 0);
          case NONE, KEY_THEFT -> List.of();
        };
    String victimKey = VICTIM;
    for (int p = 0; p < PROPOSITIONS; p++) {
      long at = (p + 1) * TICK_MILLIS;
      int domain = p % DOMAINS;
      truth[p] = world.nextInt(OUTCOMES);
      revealed[p] = world.nextDouble() < 0.2;
      int lie = (truth[p] + 1 + world.nextInt(OUTCOMES - 1)) % OUTCOMES;
      if (attack == Attack.KEY_THEFT && p == 2 * PROPOSITIONS / 3) {
        registrations.add(
            new Registration(at, VICTIM, IdentityTier.VERIFIED, VICTIM, 0, victimKey, true));
        victimKey = VICTIM + "#2";
        registrations.add(
            new Registration(at + 1, VICTIM, IdentityTier.VERIFIED, VICTIM, 0, victimKey, false));
      }
      List<ClaimStep> round = new ArrayList<>();
      for (String agent : specialists) {
        boolean home = agent.startsWith("specialist-" + domain);
        if (honest.nextDouble() < (home ? 0.9 : 0.2)) {
          int label = noisy(honest, truth[p], home ? 0.9 : 0.55);
          round.add(
              new ClaimStep(0, agent, agent.equals(VICTIM) ? victimKey : agent, p, label, true));
        }
      }
      for (String agent : generalists) {
        if (honest.nextDouble() < 0.5) {
          round.add(new ClaimStep(0, agent, agent, p, noisy(honest, truth[p], 0.65), true));
        }
      }
      int honestClaims = round.size();
      switch (attack) {
        case SYBIL_RING -> {
          List<String> ring = new ArrayList<>(attackers);
          Collections.shuffle(ring, adversary);
          for (String sybil : ring.subList(0, honestClaims)) {
            round.add(new ClaimStep(0, sybil, sybil, p, lie, false));
          }
        }
        case SPAM_FLOOD -> {
          for (int i = 0; i < 10 * honestClaims; i++) {
            String spammer = attackers.get(adversary.nextInt(SPAMMERS));
            round.add(new ClaimStep(0, spammer, spammer, p, adversary.nextInt(OUTCOMES), false));
          }
        }
        case STAKED_LIAR -> {
          if (adversary.nextDouble() < 0.8) {
            round.add(
                new ClaimStep(
                    0, attackers.get(0), attackers.get(0), p, lie, false, LIAR_CLAIM_STAKE));
          }
        }
        case KEY_THEFT -> {
          if (p >= PROPOSITIONS / 3 && p < 2 * PROPOSITIONS / 3) {
            round.add(new ClaimStep(0, VICTIM, VICTIM, p, lie, false));
          }
        }
        case NONE, COPIER_RING -> {}
      }
      Collections.shuffle(round, order);
      if (attack == Attack.COPIER_RING) {
        for (String copier : attackers) {
          round.add(new ClaimStep(0, copier, copier, p, majority(round), false));
        }
      }
      // claims of one round are spread over its tick, in order
      for (int i = 0; i < round.size(); i++) {
        ClaimStep step = round.get(i);
        long offset = at + 2 + i * (TICK_MILLIS / 2) / round.size();
        claims.add(
            new ClaimStep(
                offset, step.agent(), step.key(), p, step.label(), step.honest(), step.stake()));
      }
      if (revealed[p]) {
        outcomes.add(new ResolveStep(at + TICK_MILLIS * 3 / 4, p));
      }
    }
  }

  /** End of the plan, relative to its start. */
  long end() {
    return (PROPOSITIONS + 1) * TICK_MILLIS;
  }

  /**
   * Per unrevealed proposition, the most frequent latest label of each agent, ties to the lowest.
   */
  Map<Integer, Integer> majorityVote() {
    Map<Integer, Map<String, Integer>> latest = new LinkedHashMap<>();
    for (ClaimStep claim : claims) {
      latest
          .computeIfAbsent(claim.proposition(), p -> new LinkedHashMap<>())
          .put(claim.agent(), claim.label());
    }
    Map<Integer, Integer> votes = new LinkedHashMap<>();
    latest.forEach((p, labels) -> votes.put(p, majority(labels.values())));
    return votes;
  }

  private static int majority(List<ClaimStep> round) {
    return majority(round.stream().map(ClaimStep::label).toList());
  }

  /** The most frequent of {@code labels}, ties to the lowest. */
  private static int majority(Collection<Integer> labels) {
    double[] counts = new double[OUTCOMES];
    labels.forEach(label -> counts[label]++);
    return ProbabilityVectors.argmax(counts);
  }

  private String register(String agent, IdentityTier tier, double stake) {
    registrations.add(new Registration(0, agent, tier, agent, stake, agent, false));
    return agent;
  }

  private List<String> registerAll(String prefix, int count, IdentityTier tier, double stake) {
    List<String> agents = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      agents.add(register(prefix + i, tier, stake));
    }
    return agents;
  }

  private static int noisy(Random random, int truth, double accuracy) {
    return random.nextDouble() < accuracy
        ? truth
        : (truth + 1 + random.nextInt(OUTCOMES - 1)) % OUTCOMES;
  }
}
