package io.beliefnet.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * How much of the base rate a belief made of hard labels starts from ({@link
 * WeightGrid#LABEL_PRIOR_WEIGHT}), learned from outcomes: Bayes' full base rate where the labels'
 * evidence is what it seems, more where it is counted more often than it was seen.
 */
class LabelPriorWeightTest {

  private static final List<String> LABELS = List.of("common", "rare");

  @Test
  void withNoOutcomeKnownTheWeightIsBayes() {
    assertThat(new DomainState().labelPriorWeight()).isCloseTo(1, within(1e-9));
  }

  @Test
  void oneLabellerPerQuestionKeepsTheBaseRateAtAboutBayesWeight() {
    assertThat(learnedWeight(1)).isCloseTo(1, within(0.15));
  }

  @Test
  void labellersEchoingOneSignalAsIfIndependentGiveTheBaseRateMoreWeight() {
    assertThat(learnedWeight(5)).isGreaterThan(learnedWeight(1) + 0.2);
  }

  /**
   * The weight a domain learns from 120 propositions, a quarter of them "rare", each labelled by
   * {@code echoes} agents of their own who all pass on one signal, right 70 % of the time, and then
   * resolved.
   */
  private static double learnedWeight(int echoes) {
    InMemoryDomainStore store = new InMemoryDomainStore();
    DomainNetwork network =
        new DomainNetwork(
            "d", ModelParameters.defaults(), store, PropositionPolicy.OPEN_TO_ALL_KEPT_FOREVER);
    Random random = new Random(3);
    for (int p = 0; p < 120; p++) {
      int truth = random.nextDouble() < 0.25 ? 1 : 0;
      int label = random.nextDouble() < 0.7 ? truth : 1 - truth;
      String id = "p" + p;
      for (int a = 0; a < echoes; a++) {
        String agent = "agent-" + a;
        network.claim(
            new ClaimInput(
                id + "/" + a,
                LABELS,
                Claim.label(PropositionSpec.of(id, "d", 2), agent, p, label),
                new AgentProfile(agent, agent, IdentityTier.VERIFIED, 0),
                p));
      }
      network.resolve(new OutcomeInput("o" + p, "resolver", id, "d", LABELS.get(truth), p, p));
    }
    return store.domain().labelPriorWeight();
  }
}
