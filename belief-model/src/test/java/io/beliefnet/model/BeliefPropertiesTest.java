package io.beliefnet.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class BeliefPropertiesTest {
  private static final int AGENTS = 8;
  private static final int PROPOSITIONS = 6;

  /** A seeded stream of registrations, claims (labels and distributions) and outcomes. */
  private static List<NetworkEvent> randomEvents(long seed, int outcomes, int claims) {
    return randomEvents(seed, outcomes, claims, 50);
  }

  /** As above; claims on some propositions fade with {@code halfLife} (0 = none fade). */
  private static List<NetworkEvent> randomEvents(
      long seed, int outcomes, int claims, long halfLife) {
    Random random = new Random(seed);
    List<NetworkEvent> events = new ArrayList<>();
    IdentityTier[] tiers = IdentityTier.values();
    for (int a = 0; a < AGENTS; a++) {
      events.add(
          new AgentProfile(
              "a" + a,
              "c" + random.nextInt(AGENTS),
              tiers[random.nextInt(tiers.length)],
              random.nextInt(3)));
    }
    for (int i = 0; i < claims; i++) {
      PropositionSpec spec =
          new PropositionSpec(
              "p" + random.nextInt(PROPOSITIONS),
              "d",
              outcomes,
              random.nextBoolean() ? 0 : halfLife);
      String agent = "a" + random.nextInt(AGENTS);
      List<String> evidence = random.nextInt(4) == 0 ? List.of("e" + random.nextInt(3)) : List.of();
      ClaimContent content;
      if (random.nextBoolean()) {
        content = new ClaimContent.HardLabel(random.nextInt(outcomes));
      } else {
        double[] p = new double[outcomes];
        double sum = 0;
        for (int k = 0; k < outcomes; k++) {
          p[k] = random.nextDouble();
          sum += p[k];
        }
        for (int k = 0; k < outcomes; k++) {
          p[k] /= sum;
        }
        content = new ClaimContent.Distribution(p);
      }
      events.add(new Claim(spec, agent, i, content, random.nextInt(3), evidence));
      if (random.nextInt(6) == 0) {
        events.add(new Outcome(spec.id(), random.nextInt(outcomes), i));
      }
    }
    return events;
  }

  @Property(tries = 60)
  void posteriorIsAlwaysADistribution(
      @ForAll long seed, @ForAll @IntRange(min = 2, max = 5) int outcomes) {
    BeliefNetwork network = new BeliefNetwork();
    for (NetworkEvent event : randomEvents(seed, outcomes, 60)) {
      network.apply(event);
      if (event instanceof Claim claim) {
        double[] p = network.belief(claim.proposition().id()).orElseThrow().distribution();
        double sum = 0;
        for (double v : p) {
          assertThat(v).isBetween(0.0, 1.0);
          sum += v;
        }
        assertThat(sum).isCloseTo(1.0, within(1e-9));
      }
    }
  }

  @Property(tries = 60)
  void anAgreeingClaimFromAnIndependentAgentNeverLowersTheAgreedOutcome(
      @ForAll long seed,
      @ForAll @IntRange(min = 2, max = 4) int outcomes,
      @ForAll @IntRange(min = 0, max = 3) int label) {
    int agreed = label % outcomes;
    BeliefNetwork network = new BeliefNetwork();
    // no fading: a later claim also lets time pass, which may fade older claims that agreed
    List<NetworkEvent> events = randomEvents(seed, outcomes, 50, 0);
    events.forEach(network::apply);
    network.register(new AgentProfile("newcomer", "newcomer-org", IdentityTier.VERIFIED, 0));

    for (int p = 0; p < PROPOSITIONS; p++) {
      String id = "p" + p;
      if (network.belief(id).isEmpty() || network.belief(id).get().outcome().isPresent()) {
        continue;
      }
      double before = network.belief(id).orElseThrow().distribution()[agreed];

      network.claim(
          Claim.label(new PropositionSpec(id, "d", outcomes, 0), "newcomer", 1_000 + p, agreed));

      double after = network.belief(id).orElseThrow().distribution()[agreed];
      assertThat(after).isGreaterThanOrEqualTo(before - 1e-12);
    }
  }

  @Property(tries = 60)
  void settlementsOfAPropositionSumToStakeTimesInformationGain(
      @ForAll long seed, @ForAll @IntRange(min = 2, max = 4) int outcomes) {
    // without consensus learning, withdrawing a proposition's consensus credit at resolution
    // changes
    // nothing, and with every open claim stamped again after each change, however little it moved,
    // no stamp lags, so the belief read just before the outcome is the one settlement walks to
    ModelParameters outcomesOnly =
        new ModelParameters(
            0, 1, 0.01, 10, 1_000, 0, 5, 1.0, ModelParameters.oneSourcePerController());
    BeliefNetwork network = new BeliefNetwork(outcomesOnly);
    Random random = new Random(seed);
    // and without fading, the reference time of the belief does not move either; hard labels only,
    // as a probability claim's stamp also leans on the domain's population calibration, which other
    // agents' outcomes move without re-stamping it
    for (NetworkEvent event : randomEvents(seed, outcomes, 40, 0)) {
      boolean probabilities =
          event instanceof Claim claim && claim.content() instanceof ClaimContent.Distribution;
      if (!(event instanceof Outcome) && !probabilities) {
        network.apply(event);
      }
    }
    for (int p = 0; p < PROPOSITIONS; p++) {
      String id = "p" + p;
      if (network.belief(id).isEmpty()) {
        continue;
      }
      Belief before = network.belief(id).orElseThrow();
      int truth = random.nextInt(outcomes);

      List<Settlement> settlements = network.resolve(new Outcome(id, truth, 10_000));

      double gain = Math.log(before.distribution()[truth]) - Math.log(before.prior()[truth]);
      double totalGain = 0;
      for (Settlement settlement : settlements) {
        assertThat(settlement.amount())
            .isCloseTo(settlement.stake() * settlement.informationGain(), within(1e-9));
        totalGain += settlement.informationGain();
      }
      assertThat(totalGain).isCloseTo(gain, within(1e-9));
    }
  }

  @Property(tries = 30)
  void sameEventsInTheSameOrderGiveTheSameBits(
      @ForAll long seed, @ForAll @IntRange(min = 2, max = 4) int outcomes) {
    List<NetworkEvent> events = randomEvents(seed, outcomes, 80);
    BeliefNetwork first = new BeliefNetwork();
    BeliefNetwork second = new BeliefNetwork();
    List<Settlement> firstSettlements = new ArrayList<>();
    List<Settlement> secondSettlements = new ArrayList<>();
    events.forEach(e -> firstSettlements.addAll(first.apply(e)));
    events.forEach(e -> secondSettlements.addAll(second.apply(e)));

    assertThat(secondSettlements).isEqualTo(firstSettlements);
    for (int p = 0; p < PROPOSITIONS; p++) {
      var a = first.belief("p" + p);
      var b = second.belief("p" + p);
      assertThat(b.isPresent()).isEqualTo(a.isPresent());
      if (a.isPresent()) {
        assertThat(b.get().distribution()).containsExactly(a.get().distribution());
        assertThat(b.get().topContributors()).isEqualTo(a.get().topContributors());
      }
    }
    for (int a = 0; a < AGENTS; a++) {
      assertThat(Double.doubleToLongBits(second.ledger("a" + a).getSettlementTotal()))
          .isEqualTo(Double.doubleToLongBits(first.ledger("a" + a).getSettlementTotal()));
    }
  }
}
