package io.beliefnet.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.beliefnet.model.EvidencePlanner.Ask;
import io.beliefnet.model.EvidencePlanner.Candidate;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvidencePlannerTest {

  private static final PropositionSpec BRIDGE = PropositionSpec.of("bridge", "d", 2);

  private static Candidate candidate(String agent, String controller, double accuracy) {
    return new Candidate(
        agent, controller, new double[][] {{accuracy, 1 - accuracy}, {1 - accuracy, accuracy}}, 1);
  }

  private static ClaimState claimBy(String agent, String controller) {
    return ClaimState.of(
        Claim.label(BRIDGE, agent, 0, 1),
        new AgentProfile(agent, controller, IdentityTier.VERIFIED, 0),
        0);
  }

  @Test
  void asksTheMostInformativeIndependentAgentsThatHaveNotClaimed() {
    List<Candidate> candidates =
        List.of(
            candidate("sharp", "lab", 0.95),
            candidate("fair", "city", 0.8),
            candidate("claimed", "news", 0.99),
            candidate("colleague", "radio", 0.99),
            candidate("coin", "casino", 0.5));

    List<Ask> asks =
        EvidencePlanner.plan(
            new double[] {0.5, 0.5},
            List.of(claimBy("claimed", "news"), claimBy("presenter", "radio")),
            candidates,
            5);

    assertThat(asks).extracting(Ask::agentId).containsExactly("sharp", "fair");
  }

  @Test
  void aSettledBeliefAsksNobodyAndTheLimitHolds() {
    List<Candidate> candidates = List.of(candidate("a", "1", 0.9), candidate("b", "2", 0.9));

    assertThat(EvidencePlanner.plan(new double[] {0.999, 0.001}, List.of(), candidates, 5))
        .isEmpty();
    assertThat(EvidencePlanner.worthAsking(new double[] {0.999, 0.001})).isFalse();
    assertThat(EvidencePlanner.worthAsking(new double[] {0.9, 0.1})).isTrue();
    assertThat(EvidencePlanner.plan(new double[] {0.5, 0.5}, List.of(), candidates, 1))
        .extracting(Ask::agentId)
        .containsExactly("a");
  }
}
