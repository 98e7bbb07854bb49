package io.beliefnet.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.beliefnet.model.Refusal.Reason;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Only an agent an authority vouched for opens a proposition and so fixes what it is about. */
class PropositionOpeningTest {

  private static final List<String> REAL = List.of("open", "closed");
  private static final Duration MONTH = Duration.ofDays(30);

  private final DomainNetwork network =
      DomainNetwork.inMemory(
          "bridges",
          ModelParameters.defaults(),
          new PropositionPolicy(IdentityTier.VERIFIED, MONTH, MONTH));

  @Test
  void anUnvouchedFirstClaimCannotFixTheOutcomesOrHalfLifeOfAProposition() {
    DomainUpdate squat =
        network.claim(claim("squat", "squatter", IdentityTier.UNVERIFIED, List.of("a", "b"), 1, 1));

    assertThat(squat.refusal()).map(Refusal::reason).contains(Reason.UNKNOWN_PROPOSITION);
    assertThat(squat.refusal().orElseThrow().message())
        .contains("tier UNVERIFIED may not open", "VERIFIED or above");
    assertThat(network.belief("bridge-x")).isEmpty();

    assertThat(network.claim(claim("c1", "sensor", IdentityTier.VERIFIED, REAL, 0, 2)).refusal())
        .isEmpty();
    assertThat(
            network.claim(claim("c2", "squatter", IdentityTier.UNVERIFIED, REAL, 0, 3)).refusal())
        .as("anyone may claim on an open proposition")
        .isEmpty();
    DomainUpdate resolved =
        network.resolve(new OutcomeInput("o1", "resolver", "bridge-x", "bridges", "closed", 4, 4));
    assertThat(resolved.refusal()).isEmpty();
    assertThat(resolved.settlements()).hasSize(2);
  }

  private static ClaimInput claim(
      String id, String agent, IdentityTier tier, List<String> labels, long halfLife, long at) {
    PropositionSpec spec = new PropositionSpec("bridge-x", "bridges", labels.size(), halfLife);
    return new ClaimInput(
        id, labels, Claim.label(spec, agent, at, 1), new AgentProfile(agent, agent, tier, 0), at);
  }
}
