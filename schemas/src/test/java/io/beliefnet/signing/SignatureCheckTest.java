package io.beliefnet.signing;

import static org.assertj.core.api.Assertions.assertThat;

import io.beliefnet.avro.AgentIdentity;
import io.beliefnet.avro.Claim;
import io.beliefnet.avro.IdentityTier;
import io.beliefnet.avro.Outcome;
import io.beliefnet.signing.SignatureCheck.Verdict;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignatureCheckTest {

  private final AgentKey key = AgentKey.fromSeed(7);

  @Test
  void aSignedClaimVerifiesUnderItsKeyOnly() {
    Claim claim = key.sign(TestNetwork.ID, claim());

    assertThat(TestNetwork.CHECK.verify(claim, key.publicKey())).isEqualTo(Verdict.VALID);
    assertThat(TestNetwork.CHECK.verify(claim, AgentKey.fromSeed(8).publicKey()))
        .isEqualTo(Verdict.MISMATCH);
  }

  @Test
  void aRecordSignedForAnotherNetworkDoesNotVerifyInThisOne() {
    String elsewhere = "another-network";
    Claim claim = key.sign(elsewhere, claim());
    Claim batched = key.signBatch(elsewhere, SampleClaims.claims(3)).get(1);
    Outcome outcome = key.sign(elsewhere, outcome());
    AgentIdentity registration =
        new IdentityAuthority("authority", key)
            .sign(
                elsewhere,
                AgentIdentity.newBuilder()
                    .setAgentId("a")
                    .setPublicKey(AgentKey.fromSeed(9).publicKey())
                    .setTier(IdentityTier.VERIFIED)
                    .setController("c")
                    .setRegisteredAt(Instant.ofEpochMilli(1))
                    .build());
    VerifyingKey verifying = VerifyingKey.fromX509(key.publicKey()).orElseThrow();

    assertThat(TestNetwork.CHECK.verify(claim, verifying)).isEqualTo(Verdict.MISMATCH);
    assertThat(TestNetwork.CHECK.verify(batched, verifying)).isEqualTo(Verdict.MISMATCH);
    assertThat(TestNetwork.CHECK.verify(outcome, verifying)).isEqualTo(Verdict.MISMATCH);
    assertThat(TestNetwork.CHECK.verify(registration, verifying)).isEqualTo(Verdict.MISMATCH);
    assertThat(new SignatureCheck(elsewhere).verify(claim, verifying)).isEqualTo(Verdict.VALID);
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
      Claim claim = key.sign(TestNetwork.ID, claim());
      tamper.accept(claim);
      assertThat(TestNetwork.CHECK.verify(claim, key.publicKey())).isEqualTo(Verdict.MISMATCH);
    }
  }

  @Test
  void missingSignatureAndUnusableKeyAreTold() {
    assertThat(TestNetwork.CHECK.verify(claim(), key.publicKey())).isEqualTo(Verdict.UNSIGNED);
    Claim signed = key.sign(TestNetwork.ID, claim());
    assertThat(TestNetwork.CHECK.verify(signed, ByteBuffer.wrap(new byte[44])))
        .isEqualTo(Verdict.UNUSABLE_KEY);
    assertThat(VerifyingKey.fromX509(key.publicKey())).isPresent();
    assertThat(VerifyingKey.fromX509(ByteBuffer.wrap(new byte[3]))).isEmpty();
  }

  @Test
  void aKeyDecodedOnceVerifiesAsItsBytesDo() {
    VerifyingKey decoded = VerifyingKey.fromX509(key.publicKey()).orElseThrow();
    Claim claim = key.sign(TestNetwork.ID, claim());
    Outcome outcome = key.sign(TestNetwork.ID, outcome());

    assertThat(TestNetwork.CHECK.verify(claim, decoded)).isEqualTo(Verdict.VALID);
    assertThat(TestNetwork.CHECK.verify(outcome, decoded)).isEqualTo(Verdict.VALID);
    assertThat(TestNetwork.CHECK.verify(claim(), decoded)).isEqualTo(Verdict.UNSIGNED);
    outcome.setDomain("other");
    assertThat(TestNetwork.CHECK.verify(outcome, decoded)).isEqualTo(Verdict.MISMATCH);
    assertThat(VerifyingKey.fromX509(AgentKey.fromSeed(7).publicKey())).contains(decoded);
  }

  @Test
  void signaturesOfTheWrongLengthAreMismatches() {
    for (int length : new int[] {1, 63, 65}) {
      Claim claim = key.sign(TestNetwork.ID, claim());
      claim.setSignature(ByteBuffer.wrap(new byte[length]));
      assertThat(TestNetwork.CHECK.verify(claim, key.publicKey())).isEqualTo(Verdict.MISMATCH);
    }
  }

  /** Keys no signature should verify under: wrong framing, not canonical, or not of prime order. */
  @Test
  void onlyValidEd25519KeysInTheirX509FramingAreUsable() {
    byte[] x509 = Bytes.of(key.publicKey());
    String prefix = "302a300506032b6570032100";
    List<byte[]> unusable =
        List.of(
            Arrays.copyOf(x509, 43),
            Arrays.copyOf(x509, 45),
            HexFormat.of().parseHex("302a300506032b6571032100" + hex(x509).substring(24)),
            HexFormat.of().parseHex(prefix + "01" + "00".repeat(31)), // the neutral element
            HexFormat.of().parseHex(prefix + "00".repeat(32)), // a point of order 4
            HexFormat.of().parseHex(prefix + "ff".repeat(31) + "7f"), // y >= p: not canonical
            // this test's key plus a point of order 8: on the curve, outside the prime-order group
            HexFormat.of()
                .parseHex(
                    prefix + "1c530691f3db0178de7c8583011fe2250e638291a8996bd122563258c4fcdda3"));

    for (byte[] candidate : unusable) {
      assertThat(VerifyingKey.fromX509(ByteBuffer.wrap(candidate))).as(hex(candidate)).isEmpty();
    }
    ByteBuffer registered = key.publicKey();
    assertThat(VerifyingKey.fromX509(registered)).isPresent();
    assertThat(registered.remaining()).isEqualTo(44);
  }

  @Test
  void aClaimSignatureIsNotValidForAnOutcome() {
    Outcome outcome = key.sign(TestNetwork.ID, outcome());
    assertThat(TestNetwork.CHECK.verify(outcome, key.publicKey())).isEqualTo(Verdict.VALID);
    outcome.setOutcome("closed");
    assertThat(TestNetwork.CHECK.verify(outcome, key.publicKey())).isEqualTo(Verdict.MISMATCH);
  }

  @Test
  void seededKeysAndTheirSignaturesAreReproducible() {
    assertThat(AgentKey.fromSeed(7).sign(TestNetwork.ID, claim()).getSignature())
        .isEqualTo(key.sign(TestNetwork.ID, claim()).getSignature());
    assertThat(AgentKey.generate().publicKey()).isNotEqualTo(key.publicKey());
  }

  /** The layout documented in {@link CanonicalEncoding}, byte for byte, for other languages. */
  @Test
  void outcomeEncodingMatchesTheDocumentedLayout() {
    String expected =
        hexString("beliefnet/outcome/v1")
            + hexString("o")
            + hexString("p")
            + hexString("d")
            + hexString("open")
            + hexString("r")
            + "000000000000002a";
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

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
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
