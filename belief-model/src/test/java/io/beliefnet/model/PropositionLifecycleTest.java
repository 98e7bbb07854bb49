package io.beliefnet.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.beliefnet.model.Refusal.Reason;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Who opens a proposition (only an agent an authority vouched for, since the opener fixes what it
 * is about), and what an outcome that comes before any claim does.
 */
class PropositionLifecycleTest {

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

  @Test
  void anOutcomeBeforeAnyClaimIsKeptAndClosesThePropositionToLaterClaims() {
    assertThat(network.resolve(outcome("o1", "resolver", "closed", 10)).refusal()).isEmpty();
    assertThat(network.resolve(outcome("o1", "resolver", "closed", 11)).refusal())
        .map(Refusal::reason)
        .contains(Reason.DUPLICATE);
    assertThat(network.resolve(outcome("o2", "someone-else", "open", 12)).refusal())
        .map(Refusal::reason)
        .contains(Reason.UNTRUSTED_RESOLVER);
    assertThat(network.resolve(outcome("o3", "resolver", "open", 13)).refusal())
        .as("its resolver corrects it")
        .isEmpty();

    DomainUpdate late = network.claim(claim("c1", "sensor", IdentityTier.VERIFIED, REAL, 0, 20));

    assertThat(late.refusal()).map(Refusal::reason).contains(Reason.CLOSED_PROPOSITION);
    assertThat(late.refusal().orElseThrow().message()).contains("resolved it to 'open'");
    assertThat(network.belief("bridge-x")).isEmpty();
  }

  @Test
  void aKeptOutcomeIsForgottenAfterTheResolvedRetention() {
    DomainUpdate kept = network.resolve(outcome("o1", "resolver", "closed", 10));
    long expiry = kept.expiries().get("bridge-x");
    assertThat(expiry).isEqualTo(10 + MONTH.toMillis());

    network.expire("bridge-x", expiry);

    assertThat(
            network.claim(claim("c1", "sensor", IdentityTier.VERIFIED, REAL, 0, expiry)).refusal())
        .isEmpty();
  }

  private static OutcomeInput outcome(String id, String resolver, String label, long at) {
    return new OutcomeInput(id, resolver, "bridge-x", "bridges", label, at, at);
  }

  private static ClaimInput claim(
      String id, String agent, IdentityTier tier, List<String> labels, long halfLife, long at) {
    PropositionSpec spec = new PropositionSpec("bridge-x", "bridges", labels.size(), halfLife);
    return new ClaimInput(
        id, labels, Claim.label(spec, agent, at, 1), new AgentProfile(agent, agent, tier, 0), at);
  }
}
