package io.beliefnet.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.beliefnet.model.ClaimantModel.Restamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The consistency model's exact part, without Flink: whether what propositions teach reaches the
 * claimants at once (the replay, {@link DomainNetwork}) or only every few events (as the job's
 * feedback arrives a checkpoint later), the same records are applied or refused for the same
 * reasons, and the same claims settled; only the numbers they carry may differ.
 */
class FeedbackTimingTest {

  private static final List<String> LABELS = List.of("no", "yes");

  @Test
  void whatIsAppliedRefusedAndSettledDoesNotDependOnWhenFeedbackArrives() {
    List<Object> events = script(new Random(5));
    List<String> atOnce = run(events, 1);

    for (int every : new int[] {3, 10, 1_000}) {
      assertThat(run(events, every)).as("feedback every %d events", every).isEqualTo(atOnce);
    }
    assertThat(atOnce).anyMatch(line -> line.startsWith("refused SUPERSEDED"));
    assertThat(atOnce).anyMatch(line -> line.startsWith("refused CLOSED_PROPOSITION"));
    assertThat(atOnce).anyMatch(line -> line.startsWith("refused DUPLICATE"));
    assertThat(atOnce).anyMatch(line -> line.startsWith("settled"));
  }

  // the job's proposition stage, for the tests of one proposition: each event gets a feedback of
  // its own, and none reaches the domain or the claimants
  private final ClaimantModel claimants = new ClaimantModel(ModelParameters.defaults());
  private final PropositionUpdater propositions =
      new PropositionUpdater(
          ModelParameters.defaults(), PropositionPolicy.OPEN_TO_ALL_KEPT_FOREVER);
  private final InMemoryDomainStore store = new InMemoryDomainStore();

  private ClaimState apply(ClaimInput input) {
    ClaimState weighed = weigh(claimants, store, input);
    propositions.claim(input, weighed, store, store.domain(), new ModelFeedback());
    return weighed;
  }

  /** What the job's claimant stage does with a claim. */
  private static ClaimState weigh(
      ClaimantModel claimants, InMemoryDomainStore store, ClaimInput input) {
    String agent = input.claim().agentId();
    return claimants.weigh(
        input.claim(), input.agent(), store.agent(agent), store.openClaims(agent), store.domain());
  }

  @Test
  void aCorrectionSettlesFinitelyBeforeItsFirstOutcomesCreditHasComeBack() {
    List<ClaimInput> claims = new ArrayList<>();
    for (int a = 0; a < 3; a++) {
      claims.add(claim("c" + a, "p", "agent-" + a, a + 1, a == 0 ? 1 : 0));
    }
    claims.add(
        new ClaimInput(
            "c3",
            LABELS,
            Claim.distribution(PropositionSpec.of("p", "d", 2), "agent-3", 4, 0.3, 0.7),
            new AgentProfile("agent-3", "agent-3", IdentityTier.VERIFIED, 0),
            4));
    claims.forEach(this::apply);
    propositions.resolve(outcome("p", "no", 10), store, store.domain(), new ModelFeedback());

    DomainUpdate corrected =
        propositions.resolve(
            new OutcomeInput("o-p-correction", "resolver", "p", "d", "yes", 11, 11),
            store,
            store.domain(),
            new ModelFeedback());

    assertThat(corrected.settlements())
        .hasSize(4)
        .allSatisfy(
            settlement -> {
              assertThat(settlement.settlement().informationGain()).isFinite();
              assertThat(settlement.settlement().amount()).isFinite();
            });
  }

  @Test
  void aStampForTheClaimAReplacementSupersededIsNotApplied() {
    // the claimant stage stamped a distribution the agent has since replaced with a hard label
    ClaimState weighed = apply(claim("c0", "p", "agent-0", 1, 1));

    DomainUpdate restamped =
        propositions.restamp(
            "agent-0",
            new Restamp("p", new ClaimantStamp(null, 1.2, 1), false),
            store,
            store.domain(),
            new ModelFeedback());

    assertThat(restamped.beliefs()).isEmpty();
    assertThat(store.proposition("p").orElseThrow().claimBy("agent-0").getStamp())
        .isEqualTo(weighed.getStamp());
  }

  /**
   * Claims by agents of mixed skill on a few propositions, each resolved after its claims; some
   * claims come again, older than the agent's standing one, or after the outcome.
   */
  private static List<Object> script(Random random) {
    List<Object> events = new ArrayList<>();
    long time = 0;
    for (int p = 0; p < 30; p++) {
      int truth = random.nextInt(2);
      String proposition = "p" + p;
      for (int a = 0; a < 6; a++) {
        int label = random.nextDouble() < 0.5 + a * 0.08 ? truth : 1 - truth;
        events.add(claim("c" + p + "-" + a, proposition, "agent-" + a, ++time, label));
      }
      events.add(claim("c" + p + "-0", proposition, "agent-0", ++time, truth)); // a duplicate id
      events.add(claim("c" + p + "-old", proposition, "agent-1", 1, truth)); // older: superseded
      events.add(outcome(proposition, LABELS.get(truth), ++time));
      events.add(claim("c" + p + "-late", proposition, "agent-2", ++time, truth)); // closed
    }
    return events;
  }

  /**
   * Applies the script with feedback delivered every {@code every} events (at once for 1, as the
   * replay does); what happened.
   */
  private static List<String> run(List<Object> events, int every) {
    DomainNetwork network =
        DomainNetwork.inMemory(
            "d", ModelParameters.defaults(), PropositionPolicy.OPEN_TO_ALL_KEPT_FOREVER);
    if (every > 1) {
      network.holdFeedback();
    }
    List<String> happened = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      DomainUpdate update =
          events.get(i) instanceof ClaimInput input
              ? network.claim(input)
              : network.resolve((OutcomeInput) events.get(i));
      happened.add(
          update.refusal().map(r -> "refused " + r.reason()).orElse("applied " + update.receipt()));
      update.settlements().forEach(s -> happened.add("settled " + s.claimId()));
      if (every > 1 && ((i + 1) % every == 0 || i == events.size() - 1)) {
        network.deliverHeldFeedback();
      }
    }
    return happened;
  }

  private static ClaimInput claim(String id, String proposition, String agent, long at, int label) {
    Claim claim = Claim.label(PropositionSpec.of(proposition, "d", 2), agent, at, label);
    return new ClaimInput(
        id, LABELS, claim, new AgentProfile(agent, agent, IdentityTier.VERIFIED, 0), at);
  }

  private static OutcomeInput outcome(String proposition, String label, long at) {
    return new OutcomeInput("o-" + proposition, "resolver", proposition, "d", label, at, at);
  }
}
