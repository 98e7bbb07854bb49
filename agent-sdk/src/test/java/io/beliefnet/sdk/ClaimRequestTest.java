package io.beliefnet.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.beliefnet.avro.Claim;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClaimRequestTest {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final List<String> OPEN_CLOSED = List.of("open", "closed");

  @Test
  void aDistributionBecomesAClaimMadeNowWithDefaults() {
    Claim claim =
        ClaimRequest.on("bridge-1", "traffic/london")
            .outcomes(OPEN_CLOSED)
            .probabilities(List.of(0.2, 0.8))
            .toClaim("agent-1", NOW);

    assertThat(claim.getAgentId()).isEqualTo("agent-1");
    assertThat(claim.getPropositionId()).isEqualTo("bridge-1");
    assertThat(claim.getProbabilities()).containsExactly(0.2, 0.8);
    assertThat(claim.getHardLabel()).isFalse();
    assertThat(claim.getEventTime()).isEqualTo(NOW);
    assertThat(claim.getClaimId()).isNotBlank();
    assertThat(claim.getStake()).isNull();
    assertThat(claim.getHalfLifeMillis()).isNull();
    assertThat(claim.getEvidenceIds()).isEmpty();
    assertThat(claim.getSignature()).isNull();
  }

  @Test
  void aLabelIsAOneHotHardLabel() {
    Claim claim =
        ClaimRequest.on("bridge-1", "traffic/london")
            .outcomes(OPEN_CLOSED)
            .label("closed")
            .toClaim("a", NOW);

    assertThat(claim.getHardLabel()).isTrue();
    assertThat(claim.getProbabilities()).containsExactly(0.0, 1.0);
  }

  @Test
  void givenPartsAreKept() {
    Instant then = NOW.minusSeconds(60);
    Claim claim =
        ClaimRequest.on("bridge-1", "traffic/london")
            .outcomes(OPEN_CLOSED)
            .probabilities(List.of(1.0, 0.0))
            .hardLabel(true)
            .claimId("c-9")
            .eventTime(then)
            .stake(2.5)
            .halfLife(Duration.ofHours(1))
            .evidenceIds(List.of("camera-4"))
            .toClaim("a", NOW);

    assertThat(claim.getClaimId()).isEqualTo("c-9");
    assertThat(claim.getEventTime()).isEqualTo(then);
    assertThat(claim.getStake()).isEqualTo(2.5);
    assertThat(claim.getHalfLifeMillis()).isEqualTo(3_600_000L);
    assertThat(claim.getEvidenceIds()).containsExactly("camera-4");
    assertThat(claim.getHardLabel()).isTrue();
  }

  @Test
  void contentTheJobWouldRejectIsRefusedSayingWhy() {
    assertRefused(
        ClaimRequest.on("p", "d").outcomes(List.of("yes")).label("yes"),
        "at least 2 distinct outcomes");
    assertRefused(
        ClaimRequest.on("p", "d").outcomes(OPEN_CLOSED).probabilities(List.of(1.0)),
        "1 probabilities for 2 outcomes");
    assertRefused(
        ClaimRequest.on("p", "d").outcomes(OPEN_CLOSED).probabilities(List.of(0.5, 0.6)),
        "summing to 1.1");
    assertRefused(
        ClaimRequest.on("p", "d").outcomes(OPEN_CLOSED).probabilities(List.of(-0.5, 1.5)),
        "must be in [0, 1]");
    assertRefused(
        ClaimRequest.on("p", "d").outcomes(OPEN_CLOSED).label("ajar"), "not one of the outcomes");
    assertRefused(
        ClaimRequest.on("p", "d")
            .outcomes(OPEN_CLOSED)
            .probabilities(List.of(0.5, 0.5))
            .hardLabel(true),
        "not one-hot");
    assertRefused(ClaimRequest.on(" ", "d").outcomes(OPEN_CLOSED).label("open"), "proposition id");
    assertRefused(ClaimRequest.on("p", "d").outcomes(OPEN_CLOSED).label("open").stake(-1), "stake");
  }

  private static void assertRefused(ClaimRequest request, String reason) {
    assertThatThrownBy(() -> request.toClaim("a", NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(reason);
  }
}
