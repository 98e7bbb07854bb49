package io.beliefnet.pipeline.validation;

import static io.beliefnet.pipeline.TestRecords.claim;
import static org.assertj.core.api.Assertions.assertThat;

import io.beliefnet.avro.Claim;
import io.beliefnet.avro.IdentityTier;
import io.beliefnet.avro.RejectionReason;
import io.beliefnet.pipeline.TestRecords;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputValidatorTest {

  @Test
  void wellFormedClaimPasses() {
    assertThat(InputValidator.check(claim("a", "p", 1, 0.7).build())).isEmpty();
  }

  @Test
  void probabilitiesMustSumToOne() {
    Claim claim = claim("a", "p", 1, 0.7).setProbabilities(List.of(0.9, 0.8)).build();

    assertThat(InputValidator.check(claim))
        .hasValueSatisfying(
            v -> {
              assertThat(v.reason()).isEqualTo(RejectionReason.INVALID_PROBABILITIES);
              assertThat(v.message()).contains("summing to 1.7", "must be 1");
            });
  }

  @Test
  void nonFiniteOrNegativeProbabilitiesAreRejected() {
    for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, -0.5}) {
      Claim claim = claim("a", "p", 1, 0.5).setProbabilities(List.of(bad, 1 - bad)).build();

      assertThat(InputValidator.check(claim))
          .as("probability %s", bad)
          .hasValueSatisfying(
              v -> assertThat(v.reason()).isEqualTo(RejectionReason.INVALID_PROBABILITIES));
    }
  }

  @Test
  void oneProbabilityPerOutcome() {
    Claim claim = claim("a", "p", 1, 0.5).setProbabilities(List.of(1.0)).build();

    assertThat(InputValidator.check(claim))
        .hasValueSatisfying(
            v -> assertThat(v.message()).contains("1 probabilities for 2 outcomes"));
  }

  @Test
  void hardLabelMustBeOneHot() {
    Claim claim = claim("a", "p", 1, 0.5).setHardLabel(true).build();

    assertThat(InputValidator.check(claim))
        .hasValueSatisfying(v -> assertThat(v.message()).contains("not one-hot"));
  }

  @Test
  void outcomesMustBeDistinctAndAtLeastTwo() {
    Claim repeated = claim("a", "p", 1, 0.5).setOutcomes(List.of("x", "x")).build();
    Claim single =
        claim("a", "p", 1, 0.5).setOutcomes(List.of("x")).setProbabilities(List.of(1.0)).build();

    assertThat(InputValidator.check(repeated))
        .hasValueSatisfying(v -> assertThat(v.reason()).isEqualTo(RejectionReason.INVALID_RECORD));
    assertThat(InputValidator.check(single))
        .hasValueSatisfying(v -> assertThat(v.message()).contains("1 outcomes"));
  }

  @Test
  void blankOrHugeIdsAreRejected() {
    Claim blank = claim(" ", "p", 1, 0.5).build();
    Claim huge = claim("a", "p".repeat(10_000), 1, 0.5).setClaimId("c-1").build();

    assertThat(InputValidator.check(blank)).isPresent();
    assertThat(InputValidator.check(huge))
        .hasValueSatisfying(
            v -> assertThat(v.message()).contains("10000 code points").hasSizeLessThan(300));
  }

  @Test
  void stakesBeyondTheLimitOrNotNumbersAreRejected() {
    for (double stake : new double[] {1e300, Double.POSITIVE_INFINITY, Double.NaN, -1}) {
      Claim claim = claim("a", "p", 1, 0.5).setStake(stake).build();
      var agent = TestRecords.agent("a", IdentityTier.VERIFIED, 1);
      agent.setStake(stake);

      assertThat(InputValidator.check(claim)).as("claim staking %s", stake).isPresent();
      assertThat(InputValidator.check(agent)).as("agent registering %s", stake).isPresent();
    }
    assertThat(InputValidator.check(claim("a", "p", 1, 0.5).setStake(1e12).build())).isEmpty();
  }

  @Test
  void agentIdsWithTheReliabilityKeySeparatorAreRejected() {
    Claim claim = claim("a|b", "p", 1, 0.5).build();
    var agent = TestRecords.agent("a|b", IdentityTier.VERIFIED, 1);

    assertThat(InputValidator.check(claim))
        .hasValueSatisfying(v -> assertThat(v.message()).contains("contains '|'"));
    assertThat(InputValidator.check(agent))
        .hasValueSatisfying(v -> assertThat(v.message()).contains("contains '|'"));
  }

  @Test
  void negativeStakeRegistrationIsRejected() {
    var agent = TestRecords.agent("a", IdentityTier.VERIFIED, 1);
    agent.setStake(-1.0);

    assertThat(InputValidator.check(agent))
        .hasValueSatisfying(v -> assertThat(v.message()).contains("stake -1.0"));
  }
}
