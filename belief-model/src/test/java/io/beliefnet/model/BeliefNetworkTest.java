package io.beliefnet.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BeliefNetworkTest {
  private static final String DOMAIN = "weather/uk";

  private static PropositionSpec binary(String id) {
    return PropositionSpec.of(id, DOMAIN, 2);
  }

  private static BeliefNetwork networkWithVerified(String... agents) {
    BeliefNetwork network = new BeliefNetwork();
    for (String agent : agents) {
      network.register(new AgentProfile(agent, agent, IdentityTier.VERIFIED, 0));
    }
    return network;
  }

  @Test
  void reliabilityRisesAfterCorrectClaimsAndFallsAfterWrongOnes() {
    BeliefNetwork network = networkWithVerified("good", "bad");
    for (int i = 0; i < 20; i++) {
      network.claim(Claim.label(binary("p" + i), "good", i, 1));
      network.claim(Claim.label(binary("p" + i), "bad", i, 0));
      network.resolve(new Outcome("p" + i, 1, i));
    }

    Reliability good = network.reliability("good", DOMAIN).orElseThrow();
    Reliability bad = network.reliability("bad", DOMAIN).orElseThrow();
    double prior = 0.7;
    assertThat(good.accuracy()).isGreaterThan(prior);
    assertThat(bad.accuracy()).isLessThan(prior);
    assertThat(good.labelOutcomes()).isEqualTo(20);
    assertThat(good.accuracyStandardDeviation()).isPositive().isLessThan(0.2);
  }

  @Test
  void newerClaimReplacesOlderAndStaleClaimIsIgnored() {
    BeliefNetwork network = networkWithVerified("a");

    network.claim(Claim.label(binary("p"), "a", 10, 0));
    ClaimReceipt replaced = network.claim(Claim.label(binary("p"), "a", 20, 1));
    ClaimReceipt stale = network.claim(Claim.label(binary("p"), "a", 15, 0));

    assertThat(replaced).isEqualTo(ClaimReceipt.REPLACED);
    assertThat(stale).isEqualTo(ClaimReceipt.STALE);
    Belief belief = network.belief("p").orElseThrow();
    assertThat(belief.claims()).isEqualTo(1);
    assertThat(belief.mostLikely()).isEqualTo(1);
  }

  @Test
  void claimAfterTheOutcomeWasObservedHasNoWeightAndEarnsNothing() {
    BeliefNetwork network = networkWithVerified("early", "late");
    network.claim(Claim.label(binary("p"), "early", 1, 1));
    network.resolve(new Outcome("p", 1, 5));

    double[] before = network.belief("p").orElseThrow().distribution();

    ClaimReceipt receipt = network.claim(Claim.label(binary("p"), "late", 6, 1));

    assertThat(receipt).isEqualTo(ClaimReceipt.LATE);
    assertThat(network.belief("p").orElseThrow().distribution()).containsExactly(before);
    assertThat(network.ledger("late").getSettledClaims()).isZero();
  }

  @Test
  void claimAppliedAfterTheOutcomeIsClosedWhateverEventTimeItStates() {
    BeliefNetwork network = networkWithVerified("early", "backdater");
    network.claim(Claim.label(binary("p"), "early", 1, 1));
    network.resolve(new Outcome("p", 1, 5));

    // the right answer, stated as made before the outcome was observed
    ClaimReceipt receipt = network.claim(Claim.label(binary("p"), "backdater", 4, 1));

    assertThat(receipt).isEqualTo(ClaimReceipt.LATE);
    assertThat(network.ledger("backdater").getSettledClaims()).isZero();
    assertThat(network.ledger("early").getSettledClaims()).isEqualTo(1);
  }

  @Test
  void aClaimCannotStakeMoreThanItsAgentHasRegistered() {
    BeliefNetwork network = new BeliefNetwork();
    network.register(new AgentProfile("staked", "staked", IdentityTier.VERIFIED, 10));
    network.register(new AgentProfile("unstaked", "unstaked", IdentityTier.VERIFIED, 0));
    network.claim(stakedLabel("p", "staked", 1e9));
    network.claim(stakedLabel("p", "unstaked", 1e9));

    List<Settlement> settlements = network.resolve(new Outcome("p", 0, 5));

    assertThat(settlements)
        .extracting(Settlement::agentId, Settlement::stake)
        .containsExactlyInAnyOrder(tuple("staked", 10.0), tuple("unstaked", 1.0));
  }

  private static Claim stakedLabel(String proposition, String agent, double stake) {
    return new Claim(
        binary(proposition), agent, 1, new ClaimContent.HardLabel(1), stake, List.of());
  }

  @Test
  void correctedOutcomeRescoresAsIfTheCorrectionHadComeFirst() {
    BeliefNetwork corrected = networkWithVerified("a", "b");
    BeliefNetwork direct = networkWithVerified("a", "b");
    for (BeliefNetwork network : List.of(corrected, direct)) {
      network.claim(Claim.label(binary("p"), "a", 1, 0));
      network.claim(Claim.label(binary("p"), "b", 2, 1));
    }

    corrected.resolve(new Outcome("p", 0, 3));
    corrected.resolve(new Outcome("p", 1, 3));
    direct.resolve(new Outcome("p", 1, 3));

    for (String agent : List.of("a", "b")) {
      assertThat(corrected.ledger(agent).getSettlementTotal())
          .isCloseTo(direct.ledger(agent).getSettlementTotal(), within(1e-9));
      assertThat(corrected.ledger(agent).getSettledClaims()).isEqualTo(1);
      assertThat(corrected.reliability(agent, DOMAIN).orElseThrow().accuracy())
          .isCloseTo(direct.reliability(agent, DOMAIN).orElseThrow().accuracy(), within(1e-9));
    }
  }

  @Test
  void agentsWithOneControllerCountAsOneSource() {
    BeliefNetwork network = new BeliefNetwork();
    for (int i = 0; i < 5; i++) {
      network.register(new AgentProfile("bot" + i, "one-operator", IdentityTier.VERIFIED, 0));
      network.claim(Claim.label(binary("p"), "bot" + i, i, 1));
    }
    network.register(new AgentProfile("solo", "solo", IdentityTier.VERIFIED, 0));
    network.claim(Claim.label(binary("q"), "solo", 0, 1));

    Belief fromFive = network.belief("p").orElseThrow();
    Belief fromOne = network.belief("q").orElseThrow();

    assertThat(fromFive.effectiveSources()).isCloseTo(fromOne.effectiveSources(), within(1e-12));
    assertThat(fromFive.distribution()[1]).isCloseTo(fromOne.distribution()[1], within(0.05));
  }

  @Test
  void aTiersControllerCapSetsHowManySourcesOneOperatorCountsAs() {
    Map<IdentityTier, Double> caps = new EnumMap<>(ModelParameters.oneSourcePerController());
    caps.put(IdentityTier.ATTESTED, 3.0);
    BeliefNetwork network =
        new BeliefNetwork(
            ModelParameters.defaults()
                .withTrust(1, caps, ModelParameters.defaults().minimumStake()));
    for (int i = 0; i < 5; i++) {
      network.register(new AgentProfile("lab" + i, "one-lab", IdentityTier.ATTESTED, 0));
      network.claim(Claim.label(binary("p"), "lab" + i, i, 1));
      network.register(new AgentProfile("bot" + i, "one-operator", IdentityTier.VERIFIED, 0));
      network.claim(Claim.label(binary("q"), "bot" + i, i, 1));
    }
    network.register(new AgentProfile("solo", "solo", IdentityTier.ATTESTED, 0));
    network.claim(Claim.label(binary("r"), "solo", 0, 1));

    double one = network.belief("r").orElseThrow().effectiveSources();
    assertThat(network.belief("p").orElseThrow().effectiveSources())
        .isCloseTo(3 * one, within(1e-9));
    assertThat(network.belief("q").orElseThrow().effectiveSources()).isLessThanOrEqualTo(one);
  }

  @Test
  void claimsRestingOnTheSameEvidenceCountAsOneSource() {
    BeliefNetwork network = networkWithVerified("a", "b", "c");
    for (String agent : List.of("a", "b", "c")) {
      network.claim(
          new Claim(binary("p"), agent, 0, new ClaimContent.HardLabel(1), 0, List.of("report-17")));
    }
    network.claim(Claim.label(binary("q"), "a", 0, 1));

    assertThat(network.belief("p").orElseThrow().effectiveSources())
        .isCloseTo(network.belief("q").orElseThrow().effectiveSources(), within(1e-12));
  }

  @Test
  void revokingAKeyWithdrawsTheOpenClaimsItSignedOnly() {
    BeliefNetwork network = networkWithVerified("honest", "thief-victim");
    network.claim(Claim.label(binary("before"), "thief-victim", 5, 1));
    network.claim(Claim.label(binary("stolen"), "honest", 10, 1));
    network.claim(Claim.label(binary("stolen"), "thief-victim", 20, 0));
    network.claim(Claim.label(binary("settled"), "thief-victim", 21, 0));
    network.resolve(new Outcome("settled", 0, 22));
    double beforeRevocation = network.belief("stolen").orElseThrow().distribution()[1];

    network.revoke("thief-victim", 15);

    Belief stolen = network.belief("stolen").orElseThrow();
    assertThat(stolen.claims()).isEqualTo(1);
    assertThat(stolen.topContributors())
        .extracting(Contribution::agentId)
        .containsExactly("honest");
    assertThat(stolen.distribution()[1]).isGreaterThan(beforeRevocation);
    assertThat(network.belief("before").orElseThrow().claims()).isEqualTo(1);
    assertThat(network.belief("settled").orElseThrow().claims()).isEqualTo(1);
  }

  @Test
  void unverifiedUnstakedIdentitiesHaveBoundedInfluenceHoweverMany() {
    BeliefNetwork network = networkWithVerified("honest");
    network.claim(Claim.label(binary("p"), "honest", 0, 1));
    double honestOnly = network.belief("p").orElseThrow().distribution()[1];

    for (int i = 0; i < 1_000; i++) {
      network.register(new AgentProfile("sybil" + i, "sybil" + i, IdentityTier.UNVERIFIED, 0));
      network.claim(Claim.label(binary("p"), "sybil" + i, 1, 0));
    }

    Belief belief = network.belief("p").orElseThrow();
    assertThat(belief.effectiveSources())
        .isLessThanOrEqualTo(1 + ModelParameters.defaults().cappedTotalWeight() + 1e-9);
    assertThat(belief.distribution()[1]).isGreaterThan(0.5).isLessThanOrEqualTo(honestOnly);
  }

  @Test
  void stakeLiftsTheCapOffAnUnverifiedIdentity() {
    AgentProfile staked = new AgentProfile("s", "s", IdentityTier.UNVERIFIED, 5);
    assertThat(staked.influenceCapped()).isFalse();
    assertThat(staked.priorTier()).isEqualTo(IdentityTier.VERIFIED);
    assertThat(AgentProfile.unregistered("x").influenceCapped()).isTrue();
  }

  @Test
  void aStakeBelowTheMinimumBuysNothing() {
    BeliefNetwork dust = networkWithVerified("honest");
    BeliefNetwork none = networkWithVerified("honest");
    for (BeliefNetwork network : List.of(dust, none)) {
      network.claim(Claim.label(binary("p"), "honest", 0, 1));
    }
    for (int i = 0; i < 20; i++) {
      dust.register(new AgentProfile("sybil" + i, "sybil" + i, IdentityTier.UNVERIFIED, 1e-9));
      dust.claim(Claim.label(binary("p"), "sybil" + i, 1, 0));
      none.claim(Claim.label(binary("p"), "sybil" + i, 1, 0));
    }

    assertThat(dust.belief("p").orElseThrow().distribution())
        .containsExactly(none.belief("p").orElseThrow().distribution());
    assertThat(dust.belief("p").orElseThrow().effectiveSources())
        .isLessThanOrEqualTo(1 + ModelParameters.defaults().cappedTotalWeight() + 1e-9);
  }

  @Test
  void aDustStakeOnAClaimBuysNothingHoweverMuchTheAgentRegistered() {
    BeliefNetwork dust = networkWithVerified("honest");
    BeliefNetwork none = networkWithVerified("honest");
    for (BeliefNetwork network : List.of(dust, none)) {
      network.claim(Claim.label(binary("p"), "honest", 0, 1));
    }
    for (int i = 0; i < 20; i++) {
      dust.register(new AgentProfile("liar" + i, "liar" + i, IdentityTier.UNVERIFIED, 1_000));
      dust.claim(
          new Claim(binary("p"), "liar" + i, 1, new ClaimContent.HardLabel(0), 1e-6, List.of()));
      none.claim(Claim.label(binary("p"), "liar" + i, 1, 0));
    }

    assertThat(dust.belief("p").orElseThrow().distribution())
        .containsExactly(none.belief("p").orElseThrow().distribution());
    Settlement settled =
        dust.resolve(new Outcome("p", 1, 2)).stream()
            .filter(settlement -> settlement.agentId().equals("liar0"))
            .findFirst()
            .orElseThrow();
    // an unstaked claim settles the nominal stake of 1: reputation, not the registered stake
    assertThat(settled.stake()).isEqualTo(1);
  }

  @Test
  void settlementLossesAreDeductedFromTheStakeAndAnEmptyStakeIsCapped() {
    BeliefNetwork network = networkWithVerified("honest");
    network.register(new AgentProfile("liar", "liar", IdentityTier.UNVERIFIED, 1.1));
    double remaining = 1.1;
    for (int i = 0; i < 12; i++) {
      network.claim(Claim.label(binary("p" + i), "honest", i, 1));
      network.claim(Claim.label(binary("p" + i), "liar", i, 0));
      for (Settlement settlement : network.resolve(new Outcome("p" + i, 1, i))) {
        if (settlement.agentId().equals("liar")) {
          // once what is left is below the minimum stake, the nominal stake of 1 is settled
          assertThat(settlement.stake())
              .as("stake at risk on claim %d", i)
              .isCloseTo(remaining >= 1 ? remaining : 1, within(1e-12));
          assertThat(settlement.amount()).isNotPositive();
          remaining = remaining >= 1 ? remaining + settlement.amount() : remaining;
        }
      }
    }
    assertThat(remaining).isLessThan(1);

    AgentProfile slashed =
        new AgentProfile("liar", "liar", IdentityTier.UNVERIFIED, 0.5).afterSettlement(-0.6);
    assertThat(slashed.stake()).isZero();
    assertThat(slashed.influenceCapped()).isTrue();
    assertThat(slashed.afterSettlement(3).stake()).as("gains do not refill a stake").isZero();
  }

  @Test
  void olderClaimsFadeWithTheHalfLife() {
    BeliefNetwork network = networkWithVerified("old", "new");
    PropositionSpec fading = new PropositionSpec("p", DOMAIN, 2, 1_000);
    network.claim(Claim.label(fading, "old", 0, 0));
    network.claim(Claim.label(fading, "new", 10_000, 1));

    Belief belief = network.belief("p").orElseThrow();
    assertThat(belief.mostLikely()).isEqualTo(1);
    assertThat(belief.topContributors().get(0).agentId()).isEqualTo("new");
    assertThat(belief.topContributors().get(1).weight()).isLessThan(0.01);
  }

  @Test
  void beliefNamesTheAgentsThatMovedItMost() {
    BeliefNetwork network = networkWithVerified("a", "b", "c");
    network.claim(Claim.label(binary("p"), "a", 0, 1));
    network.claim(Claim.label(binary("p"), "b", 1, 1));
    network.claim(Claim.label(binary("p"), "c", 2, 0));

    Belief belief = network.belief("p").orElseThrow();
    assertThat(belief.topContributors()).hasSize(3);
    assertThat(belief.topContributors().get(0).pull()).isPositive();
    assertThat(belief.topContributors())
        .filteredOn(c -> c.agentId().equals("c"))
        .singleElement()
        .satisfies(c -> assertThat(c.pull()).isNegative());
    assertThat(belief.outcome()).isEmpty();
  }

  @Test
  void aClaimAloneOnItsPropositionTeachesItsAgentNothingUntilAnotherJoinsIt() {
    BeliefNetwork network = networkWithVerified("loner", "peer");
    for (int i = 0; i < 10; i++) {
      network.claim(Claim.label(PropositionSpec.of("p" + i, DOMAIN, 4), "loner", i, 3));
    }

    Reliability alone = network.reliability("loner", DOMAIN).orElseThrow();
    assertThat(alone.consensusEvidence()).isZero();
    assertThat(alone.confusion()).hasDimensions(4, 4);
    double verifiedPrior = 0.25 + 0.4 * 0.75;
    assertThat(alone.accuracy()).isCloseTo(verifiedPrior, within(1e-12));

    network.claim(Claim.label(PropositionSpec.of("p0", DOMAIN, 4), "peer", 10, 3));
    assertThat(network.reliability("loner", DOMAIN).orElseThrow().consensusEvidence()).isPositive();
  }

  @Test
  void anActiveAgentsNewClaimsBringItsOlderOnesUpToDate() {
    BeliefNetwork network = networkWithVerified("scout", "peer");
    int older = 30;
    for (int i = 0; i < older; i++) {
      network.claim(Claim.label(binary("p" + i), "scout", i, 1));
    }
    // one outcome teaches the scout something, which one round of re-stamps cannot carry to all
    network.claim(Claim.label(binary("q"), "scout", older, 1));
    network.claim(Claim.label(binary("q"), "peer", older, 0));
    network.resolve(new Outcome("q", 1, older));
    // new claims alone on their propositions teach nothing, but each brings a round of re-stamps
    for (int i = 0; i < 10; i++) {
      network.claim(Claim.label(binary("r" + i), "scout", older + 1 + i, 1));
    }

    double[] first = network.belief("p0").orElseThrow().distribution();
    for (int i = 1; i < older; i++) {
      assertThat(network.belief("p" + i).orElseThrow().distribution())
          .as("p%d", i)
          .containsExactly(first);
    }
  }

  @Test
  void copyingTheConsensusEarnsLessThanBringingNews() {
    BeliefNetwork network = networkWithVerified("first", "copier");
    for (int i = 0; i < 30; i++) {
      PropositionSpec p = binary("p" + i);
      network.claim(Claim.label(p, "first", 2L * i, i % 2));
      int consensus = network.belief(p.id()).orElseThrow().mostLikely();
      network.claim(Claim.label(p, "copier", 2L * i + 1, consensus));
      network.resolve(new Outcome(p.id(), i % 2, 2L * i + 1));
    }

    assertThat(network.ledger("first").getSettlementTotal())
        .isGreaterThan(network.ledger("copier").getSettlementTotal());
  }

  @Test
  void anAgentThatEchoesTheBeliefLosesWeightWhileOneWithItsOwnViewKeepsIt() {
    BeliefNetwork network = networkWithVerified("first", "copier", "own");
    for (int i = 0; i < 120; i++) {
      PropositionSpec p = binary("p" + i);
      int truth = i % 2;
      network.claim(Claim.label(p, "first", 3L * i, i % 3 == 0 ? 1 - truth : truth));
      int belief = network.belief(p.id()).orElseThrow().mostLikely();
      network.claim(Claim.label(p, "copier", 3L * i + 1, belief));
      network.claim(Claim.label(p, "own", 3L * i + 2, i % 3 == 1 ? 1 - truth : truth));
      network.resolve(new Outcome(p.id(), truth, 3L * i + 2));
    }

    double copier = network.reliability("copier", DOMAIN).orElseThrow().independence();
    double own = network.reliability("own", DOMAIN).orElseThrow().independence();
    // a verified newcomer starts at about 0.69
    assertThat(copier).isLessThan(0.5);
    assertThat(own).isGreaterThan(0.85);
  }

  @Test
  void aNewForecasterCountsAtItsTierPriorAndAWellCalibratedOneEarnsFaceValue() {
    BeliefNetwork network = networkWithVerified("f");
    network.claim(Claim.distribution(binary("first"), "f", 0, 0.2, 0.8));
    double first = network.belief("first").orElseThrow().distribution()[1];
    for (int i = 0; i < 300; i++) {
      network.claim(Claim.distribution(binary("p" + i), "f", i + 1, 0.2, 0.8));
      network.resolve(new Outcome("p" + i, i % 5 == 0 ? 0 : 1, i + 1));
    }
    network.claim(Claim.distribution(binary("next"), "f", 1_000, 0.2, 0.8));

    assertThat(first).isBetween(0.7, 0.8);
    assertThat(network.belief("next").orElseThrow().distribution()[1]).isCloseTo(0.8, within(0.02));
  }

  @Test
  void overconfidentForecasterIsShrunkTowardsChance() {
    BeliefNetwork network = networkWithVerified("bold");
    for (int i = 0; i < 200; i++) {
      network.claim(Claim.distribution(binary("p" + i), "bold", i, 0.05, 0.95));
      network.resolve(new Outcome("p" + i, i % 5 == 0 ? 0 : 1, i));
    }

    Reliability reliability = network.reliability("bold", DOMAIN).orElseThrow();
    assertThat(reliability.calibrationSlope()).isLessThan(0.8);
    network.claim(Claim.distribution(binary("next"), "bold", 500, 0.05, 0.95));
    assertThat(network.belief("next").orElseThrow().distribution()[1]).isBetween(0.7, 0.9);
  }

  @Test
  void forecastersWhoNeglectTheBaseRateAreReadWithIt() {
    // yes one time in five; the forecaster reports its signal's odds, 0.8 or 0.2, ignoring that
    BeliefNetwork network = networkWithVerified("f");
    Random random = new Random(7);
    for (int i = 0; i < 600; i++) {
      int truth = random.nextDouble() < 0.2 ? 1 : 0;
      boolean signalRight = random.nextDouble() < 0.8;
      double yes = (truth == 1) == signalRight ? 0.8 : 0.2;
      network.claim(Claim.distribution(binary("p" + i), "f", i, 1 - yes, yes));
      network.resolve(new Outcome("p" + i, truth, i));
    }
    network.claim(Claim.distribution(binary("high"), "f", 1_000, 0.2, 0.8));
    network.claim(Claim.distribution(binary("low"), "f", 1_000, 0.8, 0.2));

    // Bayes with the base rate: P(yes | 0.8) = 0.5 and P(yes | 0.2) = 1/17
    assertThat(network.belief("high").orElseThrow().distribution()[1]).isCloseTo(0.5, within(0.08));
    assertThat(network.belief("low").orElseThrow().distribution()[1])
        .isCloseTo(1 / 17.0, within(0.03));
  }

  @ParameterizedTest(name = "hard labels: {0}")
  @ValueSource(booleans = {false, true})
  void aCorrectedOutcomeTeachesTheDomainsBaseRateWeightsAsIfItHadComeFirst(boolean labels) {
    BeliefNetwork corrected = networkWithVerified("f", "g");
    BeliefNetwork direct = networkWithVerified("f", "g");
    for (BeliefNetwork network : List.of(corrected, direct)) {
      for (int i = 0; i < 20; i++) {
        network.claim(claim(labels, "p" + i, "f", i, 0.7));
        network.claim(claim(labels, "p" + i, "g", i, 0.4));
        if (i < 19) {
          network.resolve(new Outcome("p" + i, i % 3 == 0 ? 1 : 0, i));
        }
      }
    }
    corrected.resolve(new Outcome("p19", 0, 19));
    corrected.resolve(new Outcome("p19", 1, 19));
    direct.resolve(new Outcome("p19", 1, 19));
    for (BeliefNetwork network : List.of(corrected, direct)) {
      network.claim(claim(labels, "next", "f", 40, 0.7));
    }

    assertThat(corrected.belief("next").orElseThrow().distribution()[1])
        .isCloseTo(direct.belief("next").orElseThrow().distribution()[1], within(1e-12));
  }

  /** A forecast of {@code yes}, or the hard label it leans to. */
  private static Claim claim(boolean label, String proposition, String agent, long at, double yes) {
    return label
        ? Claim.label(binary(proposition), agent, at, yes > 0.5 ? 1 : 0)
        : Claim.distribution(binary(proposition), agent, at, 1 - yes, yes);
  }

  @Test
  void invalidInputIsRejectedSayingWhatIsWrong() {
    assertThatThrownBy(() -> Claim.distribution(binary("p"), "a", 0, 0.5, 0.7))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sum to 1.2");
    assertThatThrownBy(() -> Claim.label(binary("p"), "a", 0, 2))
        .hasMessageContaining("label 2")
        .hasMessageContaining("0..1");
    assertThatThrownBy(() -> PropositionSpec.of("p", DOMAIN, 1)).hasMessageContaining("1 outcomes");
    BeliefNetwork network = networkWithVerified("a");
    network.claim(Claim.label(binary("p"), "a", 0, 1));
    assertThatThrownBy(() -> network.resolve(new Outcome("p", 3, 1)))
        .hasMessageContaining("out of range");
    assertThatThrownBy(
            () -> network.claim(Claim.label(PropositionSpec.of("p", DOMAIN, 3), "a", 1, 1)))
        .hasMessageContaining("3 outcomes");
  }

  @Test
  void outcomeForUnknownPropositionSettlesNothing() {
    assertThat(new BeliefNetwork().resolve(new Outcome("nobody-claimed", 0, 0))).isEmpty();
  }
}
