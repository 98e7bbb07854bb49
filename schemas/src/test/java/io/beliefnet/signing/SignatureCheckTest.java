package io.beliefnet.signing;

import static org.assertj.core.api.Assertions.assertThat;

import io.beliefnet.avro.Claim;
import io.beliefnet.avro.Outcome;
import io.beliefnet.signing.SignatureCheck.Verdict;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignatureCheckTest {

  private final AgentKey key = AgentKey.fromSeed(7);

  @Test
  void aSignedClaimVerifiesUnderItsKeyOnly() {
    Claim claim = key.sign(claim());

    assertThat(SignatureCheck.verify(claim, key.publicKey())).isEqualTo(Verdict.VALID);
    assertThat(SignatureCheck.verify(claim, AgentKey.fromSeed(8).publicKey()))
        .isEqualTo(Verdict.MISMATCH);
  }

  @Test
  void changingAnySignedFieldBreaksTheSignature() {
    List<java.util.function.Consumer<Claim>> tamperings =
        List.of(
            c -> c.setClaimId("other"),
            c -> c.setAgentId("other"),
            c -> c.setPropositionId("other"),
            c -> c.setDomain("other"),
            c -> c.setOutcomes(List.of("closed", "open")),
            c -> c.setProbabilities(List.of(0.3, 0.7)),
            c -> c.setHardLabel(true),
            c -> c.setEventTime(Instant.ofEpochMilli(2)),
            c -> c.setHalfLifeMillis(1L),
            c -> c.setStake(1.0),
            c -> c.setEvidenceIds(List.of("feed")));
    for (var tamper : tamperings) {
      Claim claim = key.sign(claim());
      tamper.accept(claim);
      assertThat(SignatureCheck.verify(claim, key.publicKey())).isEqualTo(Verdict.MISMATCH);
    }
  }

  @Test
  void missingSignatureAndUnusableKeyAreTold() {
    assertThat(SignatureCheck.verify(claim(), key.publicKey())).isEqualTo(Verdict.UNSIGNED);
    Claim signed = key.sign(claim());
    assertThat(SignatureCheck.verify(signed, ByteBuffer.wrap(new byte[44])))
        .isEqualTo(Verdict.UNUSABLE_KEY);
    assertThat(SignatureCheck.usable(key.publicKey())).isTrue();
    assertThat(SignatureCheck.usable(ByteBuffer.wrap(new byte[3]))).isFalse();
  }

  @Test
  void aClaimSignatureIsNotValidForAnOutcome() {
    Outcome outcome = key.sign(outcome());
    assertThat(SignatureCheck.verify(outcome, key.publicKey())).isEqualTo(Verdict.VALID);
    outcome.setOutcome("closed");
    assertThat(SignatureCheck.verify(outcome, key.publicKey())).isEqualTo(Verdict.MISMATCH);
  }

  @Test
  void seededKeysAndTheirSignaturesAreReproducible() {
    assertThat(AgentKey.fromSeed(7).sign(claim()).getSignature())
        .isEqualTo(key.sign(claim()).getSignature());
    assertThat(AgentKey.generate().publicKey()).isNotEqualTo(key.publicKey());
  }

  /** The layout documented in {@link CanonicalEncoding}, byte for byte, for other languages. */
  @Test
  void outcomeEncodingMatchesTheDocumentedLayout() {
    String expected =
        hexString("beliefnet/outcome/v1") + hexString("o") + hexString("p") + hexString("d")
            + hexString("open") + hexString("r") + "000000000000002a";
    Outcome outcome =
        Outcome.newBuilder()
            .setOutcomeId("o")
            .setPropositionId("p")
            .setDomain("d")
            .setOutcome("open")
            .setResolverId("r")
            .setObservedAt(Instant.ofEpochMilli(42))
            .build();

    assertThat(HexFormat.of().formatHex(CanonicalEncoding.of(outcome))).isEqualTo(expected);
  }

  private static String hexString(String ascii) {
    return String.format("%08x", ascii.length()) + HexFormat.of().formatHex(ascii.getBytes());
  }

  private static Claim claim() {
    return Claim.newBuilder()
        .setClaimId("c-1")
        .setAgentId("sensor-a")
        .setPropositionId("bridge-7")
        .setDomain("traffic/london")
        .setOutcomes(List.of("open", "closed"))
        .setProbabilities(List.of(0.2, 0.8))
        .setEventTime(Instant.ofEpochMilli(1))
        .build();
  }

  private static Outcome outcome() {
    return Outcome.newBuilder()
        .setOutcomeId("o-1")
        .setPropositionId("bridge-7")
        .setDomain("traffic/london")
        .setOutcome("open")
        .setResolverId("inspector")
        .setObservedAt(Instant.ofEpochMilli(5))
        .build();
  }
}
