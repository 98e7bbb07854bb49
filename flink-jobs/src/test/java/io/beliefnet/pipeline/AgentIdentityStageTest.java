package io.beliefnet.pipeline;

import static io.beliefnet.pipeline.TestRecords.AUTHORITY;
import static io.beliefnet.pipeline.TestRecords.agent;
import static io.beliefnet.pipeline.TestRecords.claim;
import static io.beliefnet.pipeline.TestRecords.input;
import static io.beliefnet.pipeline.TestRecords.key;
import static io.beliefnet.pipeline.TestRecords.outcome;
import static io.beliefnet.pipeline.TestRecords.signed;
import static org.assertj.core.api.Assertions.assertThat;

import io.beliefnet.avro.AgentIdentity;
import io.beliefnet.avro.Claim;
import io.beliefnet.avro.IdentityTier;
import io.beliefnet.avro.Outcome;
import io.beliefnet.avro.Rejected;
import io.beliefnet.avro.RejectionReason;
import io.beliefnet.pipeline.trust.IdentityAuthorities;
import io.beliefnet.pipeline.trust.TrustPolicy;
import io.beliefnet.signing.IdentityAuthority;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AgentIdentityStageTest {

  private static final TrustPolicy POLICY =
      new TrustPolicy(
          TestRecords.NETWORK,
          IdentityAuthorities.of(List.of(AUTHORITY.trustEntry())),
          Set.of("inspector"),
          TrustPolicy.defaultClaimRates(),
          Duration.ofSeconds(10));

  private KeyedOneInputStreamOperatorTestHarness<String, InputEvent, InputEvent> harness;

  @BeforeEach
  void open() throws Exception {
    harness = newHarness();
    harness.open();
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, InputEvent, InputEvent> newHarness()
      throws Exception {
    return newHarness(IdentityOperator.MAX_HELD);
  }

  /** The stage under its operator, which holds at most {@code maxHeld} events in memory. */
  private static KeyedOneInputStreamOperatorTestHarness<String, InputEvent, InputEvent> newHarness(
      int maxHeld) throws Exception {
    return new KeyedOneInputStreamOperatorTestHarness<>(
        new IdentityOperator(new AgentIdentityStage(POLICY), maxHeld),
        InputEvent::agentId,
        Types.STRING);
  }

  /** Replaces the harness with one whose operator holds at most {@code maxHeld} in memory. */
  private void reopenHolding(int maxHeld) throws Exception {
    harness.close();
    harness = newHarness(maxHeld);
    harness.open();
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  @Test
  void claimIsStampedWithTheRegistrationBeforeItInEventTime() throws Exception {
    // given the claim arrives first, but the registration happened earlier in event time
    push(InputEvent.ofClaim(input("claims", 0, 200), signed(claim("alice", "p", 200, 0.8))));
    push(InputEvent.ofAgent(input("agents", 0, 100), agent("alice", IdentityTier.VERIFIED, 100)));

    // when the watermark passes both
    harness.processWatermark(300);

    // then the claim is applied after the registration
    List<InputEvent> out = outputs();
    assertThat(out).hasSize(1);
    assertThat(out.get(0).claim.getAgentId()).isEqualTo("alice");
    assertThat(out.get(0).agent.getTier()).isEqualTo(IdentityTier.VERIFIED);
    assertThat(rejections()).isEmpty();
  }

  @Test
  void anAdmittedClaimCarriesItsAgentsProfileWithoutCredentials() throws Exception {
    AgentIdentity registered = agent("alice", IdentityTier.VERIFIED, 100);
    push(InputEvent.ofAgent(input("agents", 0, 100), registered));
    push(InputEvent.ofClaim(input("claims", 0, 200), signed(claim("alice", "p", 200, 0.8))));

    harness.processWatermark(300);

    AgentIdentity stamped = outputs().get(0).agent;
    assertThat(stamped.getPublicKey().remaining()).isZero();
    assertThat(stamped.getAuthorityId()).isNull();
    assertThat(stamped.getAuthoritySignature()).isNull();
    assertThat(ModelInputs.profile(stamped)).isEqualTo(ModelInputs.profile(registered));
    assertThat(stamped.getRegisteredAt()).isEqualTo(registered.getRegisteredAt());
  }

  @Test
  void nothingIsAppliedBeforeTheWatermarkPassesIt() throws Exception {
    push(InputEvent.ofAgent(input("agents", 0, 100), agent("alice", IdentityTier.VERIFIED, 100)));
    push(InputEvent.ofClaim(input("claims", 0, 200), signed(claim("alice", "p", 200, 0.8))));

    harness.processWatermark(199);
    assertThat(outputs()).isEmpty();

    harness.processWatermark(200);
    assertThat(outputs()).hasSize(1);
  }

  @Test
  void eventsBeyondWhatMemoryHoldsWaitInKeyedStateAndKeepTheirPlaceInApplyOrder() throws Exception {
    reopenHolding(1);
    // the claim is held in memory; the registration before it in event time, and the claim at the
    // registration's own timestamp (applied after it), wait in keyed state
    push(InputEvent.ofClaim(input("claims", 0, 200), signed(claim("alice", "p", 200, 0.8))));
    push(InputEvent.ofClaim(input("claims", 1, 100), signed(claim("alice", "q", 100, 0.8))));
    push(InputEvent.ofAgent(input("agents", 0, 100), agent("alice", IdentityTier.VERIFIED, 100)));

    harness.processWatermark(300);

    assertThat(rejections()).isEmpty();
    assertThat(outputs()).extracting(e -> e.claim.getPropositionId()).containsExactly("q", "p");
  }

  @Test
  void anEventDueAtTheNextWatermarkIsHeldInMemoryEvenWhenMemoryIsFull() throws Exception {
    reopenHolding(1);
    harness.processWatermark(99);
    push(InputEvent.ofAgent(input("agents", 0, 50), agent("alice", IdentityTier.VERIFIED, 50)));
    push(InputEvent.ofClaim(input("claims", 1, 100), signed(claim("alice", "q", 100, 0.8))));
    push(InputEvent.ofClaim(input("claims", 0, 100), signed(claim("alice", "p", 100, 0.8))));

    harness.processWatermark(200);

    assertThat(rejections()).isEmpty();
    assertThat(outputs())
        .as("claims of one timestamp, in partition order")
        .extracting(e -> e.claim.getPropositionId())
        .containsExactly("p", "q");
  }

  @Test
  void eventsWaitingInKeyedStateSurviveASnapshotAndRestore() throws Exception {
    reopenHolding(1);
    push(InputEvent.ofAgent(input("agents", 0, 100), agent("alice", IdentityTier.VERIFIED, 100)));
    push(InputEvent.ofClaim(input("claims", 0, 200), signed(claim("alice", "p", 200, 0.8))));
    var snapshot = harness.snapshot(1, 1);
    harness.close();

    harness = newHarness(1);
    harness.initializeState(snapshot);
    harness.open();
    harness.processWatermark(300);

    assertThat(rejections()).isEmpty();
    assertThat(outputs()).hasSize(1);
  }

  @Test
  void theOutputNeverTurnsIdleButWatermarksPassOn() throws Exception {
    harness.processWatermark(100);
    harness.processWatermarkStatus(WatermarkStatus.IDLE);
    harness.processWatermarkStatus(WatermarkStatus.ACTIVE);

    assertThat(harness.getOutput())
        .doesNotContain(WatermarkStatus.IDLE)
        .contains(new Watermark(100));
  }

  @Test
  void claimOfAnUnregisteredAgentIsRejected() throws Exception {
    push(InputEvent.ofClaim(input("claims", 5, 200), signed(claim("mallory", "p", 200, 0.8))));

    harness.processWatermark(300);

    assertThat(outputs()).isEmpty();
    assertThat(rejections())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getReasonCode()).isEqualTo(RejectionReason.UNKNOWN_AGENT);
              assertThat(r.getOffset()).isEqualTo(5);
              assertThat(r.getReason()).contains("mallory", "has not registered");
            });
  }

  @Test
  void claimAfterRevocationIsRejected() throws Exception {
    registerAliceAt100AndRevokeAt150();
    push(InputEvent.ofClaim(input("claims", 0, 200), signed(claim("alice", "p", 200, 0.8))));

    harness.processWatermark(300);

    assertThat(outputs()).isEmpty();
    assertThat(rejections())
        .singleElement()
        .satisfies(r -> assertThat(r.getReason()).contains("revoked"));
  }

  @Test
  void recordsSignedForAnotherNetworkAreRejected() throws Exception {
    String elsewhere = "another-network";
    push(
        InputEvent.ofAgent(
            input("agents", 0, 100),
            AUTHORITY.sign(elsewhere, agent("bob", IdentityTier.VERIFIED, 100))));
    push(InputEvent.ofAgent(input("agents", 0, 101), agent("alice", IdentityTier.VERIFIED, 101)));
    Claim replayed = key("alice").sign(elsewhere, claim("alice", "p", 200, 0.8).build());
    push(InputEvent.ofClaim(input("claims", 1, 200), replayed));

    harness.processWatermark(300);

    assertThat(outputs()).isEmpty();
    assertThat(rejections())
        .extracting(Rejected::getReasonCode)
        .containsExactly(RejectionReason.BAD_SIGNATURE, RejectionReason.BAD_SIGNATURE);
    assertThat(rejections()).allSatisfy(r -> assertThat(r.getReason()).contains("network"));
  }

  @Test
  void unsignedForgedAndAlteredClaimsAreRejected() throws Exception {
    push(InputEvent.ofAgent(input("agents", 0, 100), agent("alice", IdentityTier.VERIFIED, 100)));
    Claim forged =
        key("mallory")
            .sign(TestRecords.NETWORK, claim("alice", "p", 200, 0.8).setClaimId("forged").build());
    Claim altered = signed(claim("alice", "p", 201, 0.8).setClaimId("altered"));
    altered.setProbabilities(List.of(0.01, 0.99));
    push(InputEvent.ofClaim(input("claims", 0, 199), claim("alice", "p", 199, 0.8).build()));
    push(InputEvent.ofClaim(input("claims", 1, 200), forged));
    push(InputEvent.ofClaim(input("claims", 2, 201), altered));

    harness.processWatermark(300);

    assertThat(outputs()).isEmpty();
    assertThat(rejections())
        .extracting(Rejected::getReasonCode)
        .containsExactly(
            RejectionReason.UNSIGNED, RejectionReason.BAD_SIGNATURE, RejectionReason.BAD_SIGNATURE);
  }

  @Test
  void afterAKeyRotationOnlyTheNewKeyVerifies() throws Exception {
    rotateAliceAt150AndClaimWithEitherKeyAt(200);

    harness.processWatermark(300);

    assertThat(outputs()).extracting(e -> e.claim.getPropositionId()).containsExactly("q");
    assertThat(rejections())
        .extracting(Rejected::getReasonCode)
        .containsExactly(RejectionReason.BAD_SIGNATURE);
  }

  @Test
  void onlyRegistrationsATrustedAuthoritySignedTakeEffect() throws Exception {
    AgentIdentity unsigned = agent("alice", IdentityTier.ATTESTED, 100);
    unsigned.setAuthoritySignature(null);
    AgentIdentity selfIssued =
        new IdentityAuthority("test-authority", key("alice"))
            .sign(TestRecords.NETWORK, agent("alice", IdentityTier.ATTESTED, 101));
    AgentIdentity byAStranger =
        new IdentityAuthority("elsewhere", key("elsewhere"))
            .sign(TestRecords.NETWORK, agent("alice", IdentityTier.ATTESTED, 102));
    AgentIdentity altered = agent("alice", IdentityTier.VERIFIED, 103);
    altered.setStake(1_000_000.0);
    push(InputEvent.ofAgent(input("agents", 0, 100), unsigned));
    push(InputEvent.ofAgent(input("agents", 1, 101), selfIssued));
    push(InputEvent.ofAgent(input("agents", 2, 102), byAStranger));
    push(InputEvent.ofAgent(input("agents", 3, 103), altered));
    push(InputEvent.ofClaim(input("claims", 0, 200), signed(claim("alice", "p", 200, 0.8))));

    harness.processWatermark(300);

    assertThat(outputs()).isEmpty();
    assertThat(rejections())
        .extracting(Rejected::getReasonCode)
        .containsExactly(
            RejectionReason.UNSIGNED,
            RejectionReason.BAD_SIGNATURE,
            RejectionReason.BAD_SIGNATURE,
            RejectionReason.BAD_SIGNATURE,
            RejectionReason.UNKNOWN_AGENT);
    assertThat(rejections().get(2).getReason()).contains("does not list");
  }

  @Test
  void anOlderRegistrationCannotUndoARevocation() throws Exception {
    registerAliceAt100AndRevokeAt150();
    push(InputEvent.ofAgent(input("agents", 2, 160), agent("alice", IdentityTier.VERIFIED, 100)));
    push(InputEvent.ofClaim(input("claims", 0, 200), signed(claim("alice", "p", 200, 0.8))));

    harness.processWatermark(300);

    assertThat(outputs()).isEmpty();
    assertThat(rejections())
        .extracting(Rejected::getReasonCode)
        .containsExactly(RejectionReason.SUPERSEDED, RejectionReason.UNKNOWN_AGENT);
  }

  @Test
  void aClaimIsVerifiedWithTheKeyRegisteredAtItsEventTime() throws Exception {
    // made before the rotation, and read after it
    rotateAliceAt150AndClaimWithEitherKeyAt(120);

    harness.processWatermark(300);

    assertThat(outputs()).extracting(e -> e.claim.getPropositionId()).containsExactly("p");
    assertThat(rejections())
        .extracting(Rejected::getReasonCode)
        .containsExactly(RejectionReason.BAD_SIGNATURE);
  }

  @Test
  void aRegistrationWithAnUnusableKeyIsRefused() throws Exception {
    AgentIdentity garbled = agent("alice", IdentityTier.VERIFIED, 100);
    garbled.setPublicKey(ByteBuffer.wrap(new byte[44]));
    push(InputEvent.ofAgent(input("agents", 0, 100), AUTHORITY.sign(TestRecords.NETWORK, garbled)));
    push(InputEvent.ofClaim(input("claims", 0, 200), signed(claim("alice", "p", 200, 0.8))));

    harness.processWatermark(300);

    assertThat(rejections())
        .extracting(Rejected::getReasonCode)
        .containsExactly(RejectionReason.INVALID_RECORD, RejectionReason.UNKNOWN_AGENT);
  }

  @Test
  void onlyConfiguredResolversMayPublishOutcomes() throws Exception {
    push(
        InputEvent.ofAgent(
            input("agents", 0, 100), agent("inspector", IdentityTier.ATTESTED, 100)));
    push(InputEvent.ofAgent(input("agents", 1, 100), agent("alice", IdentityTier.ATTESTED, 100)));
    Outcome byAlice = outcome("p", "yes", 200);
    byAlice.setResolverId("alice");
    push(InputEvent.ofOutcome(input("outcomes", 0, 200), signed(byAlice)));
    push(InputEvent.ofOutcome(input("outcomes", 1, 201), signed(outcome("p", "yes", 201))));
    push(InputEvent.ofOutcome(input("outcomes", 2, 202), outcome("q", "yes", 202)));

    harness.processWatermark(300);

    assertThat(outputs())
        .extracting(e -> e.outcome.getOutcomeId())
        .containsExactly("outcome@p@201");
    assertThat(rejections())
        .extracting(Rejected::getReasonCode)
        .containsExactly(RejectionReason.UNTRUSTED_RESOLVER, RejectionReason.UNSIGNED);
  }

  @Test
  void claimsBeyondTheTierRateAreRejectedAndForgeriesUseNoAllowance() throws Exception {
    // unverified: 1 claim/s, 10 s of burst
    push(InputEvent.ofAgent(input("agents", 0, 100), agent("spam", IdentityTier.UNVERIFIED, 100)));
    for (int i = 0; i < 9; i++) {
      Claim forged =
          key("mallory").sign(TestRecords.NETWORK, claim("spam", "f" + i, 1_000, 0.8).build());
      push(InputEvent.ofClaim(input("claims", i, 1_000), forged));
    }
    for (int i = 0; i < 12; i++) {
      push(
          InputEvent.ofClaim(
              input("claims", 100 + i, 1_000), signed(claim("spam", "p" + i, 1_000, 0.8))));
    }
    push(
        InputEvent.ofClaim(input("claims", 12, 3_000), signed(claim("spam", "later", 3_000, 0.8))));

    harness.processWatermark(5_000);

    assertThat(outputs()).hasSize(11); // the burst of 10, then one refilled after 2 s
    assertThat(rejections())
        .filteredOn(r -> r.getReasonCode() == RejectionReason.BAD_SIGNATURE)
        .hasSize(9);
    assertThat(rejections())
        .filteredOn(r -> r.getReasonCode() == RejectionReason.RATE_LIMITED)
        .hasSize(2)
        .allSatisfy(r -> assertThat(r.getReason()).contains("UNVERIFIED", "1.0 claims/s"));
  }

  @Test
  void forgeriesBeyondTheFailureAllowanceAreRefusedUnchecked() throws Exception {
    // unverified: 1 failed check/s, 10 s of burst
    push(InputEvent.ofAgent(input("agents", 0, 100), agent("spam", IdentityTier.UNVERIFIED, 100)));
    for (int i = 0; i < 30; i++) {
      Claim forged =
          key("mallory").sign(TestRecords.NETWORK, claim("spam", "f" + i, 1_000, 0.8).build());
      push(InputEvent.ofClaim(input("claims", i, 1_000), forged));
    }
    push(InputEvent.ofClaim(input("claims", 30, 1_000), signed(claim("spam", "p", 1_000, 0.8))));
    push(InputEvent.ofClaim(input("claims", 31, 3_000), signed(claim("spam", "q", 3_000, 0.8))));

    harness.processWatermark(5_000);

    assertThat(rejections())
        .filteredOn(r -> r.getReasonCode() == RejectionReason.BAD_SIGNATURE)
        .hasSize(10);
    assertThat(rejections())
        .filteredOn(r -> r.getReasonCode() == RejectionReason.RATE_LIMITED)
        .hasSize(21)
        .allSatisfy(r -> assertThat(r.getReason()).contains("failed their signature check"));
    assertThat(outputs()).extracting(e -> e.claim.getPropositionId()).containsExactly("q");
  }

  @Test
  void revokingAKeyNoticesEveryDomainTheAgentClaimedIn() throws Exception {
    AgentIdentity revoked = agent("alice", IdentityTier.VERIFIED, 300);
    revoked.setRevoked(true);
    push(InputEvent.ofAgent(input("agents", 0, 100), agent("alice", IdentityTier.VERIFIED, 100)));
    push(InputEvent.ofClaim(input("claims", 0, 200), signed(claim("alice", "p", 200, 0.8))));
    push(
        InputEvent.ofClaim(
            input("claims", 1, 201), signed(claim("alice", "q", 201, 0.8).setDomain("lab/qc"))));
    push(InputEvent.ofAgent(input("agents", 1, 300), AUTHORITY.sign(TestRecords.NETWORK, revoked)));

    harness.processWatermark(400);

    List<InputEvent> revocations = outputs().stream().filter(InputEvent::isRevocation).toList();
    assertThat(revocations)
        .extracting(InputEvent::domain)
        .containsExactlyInAnyOrder("traffic/london", "lab/qc");
    assertThat(revocations)
        .allSatisfy(r -> assertThat(r.agent.getRegisteredAt().toEpochMilli()).isEqualTo(100));
  }

  /**
   * Registers alice at 100 and rotates her key at 150; then, at {@code at}, she claims on p with
   * her first key and on q with her second.
   */
  private void rotateAliceAt150AndClaimWithEitherKeyAt(long at) throws Exception {
    AgentIdentity rotated = agent("alice", IdentityTier.VERIFIED, 150);
    rotated.setPublicKey(key("alice-2").publicKey());
    push(InputEvent.ofAgent(input("agents", 0, 100), agent("alice", IdentityTier.VERIFIED, 100)));
    push(InputEvent.ofAgent(input("agents", 1, 150), AUTHORITY.sign(TestRecords.NETWORK, rotated)));
    push(InputEvent.ofClaim(input("claims", 0, at), signed(claim("alice", "p", at, 0.8))));
    push(
        InputEvent.ofClaim(
            input("claims", 1, at + 1),
            key("alice-2").sign(TestRecords.NETWORK, claim("alice", "q", at + 1, 0.8).build())));
  }

  private void registerAliceAt100AndRevokeAt150() throws Exception {
    AgentIdentity revoked = agent("alice", IdentityTier.VERIFIED, 150);
    revoked.setRevoked(true);
    push(InputEvent.ofAgent(input("agents", 0, 100), agent("alice", IdentityTier.VERIFIED, 100)));
    push(InputEvent.ofAgent(input("agents", 1, 150), AUTHORITY.sign(TestRecords.NETWORK, revoked)));
  }

  @Test
  void eventBehindTheWatermarkIsRejectedAsLate() throws Exception {
    harness.processWatermark(500);

    push(InputEvent.ofClaim(input("claims", 9, 400), signed(claim("alice", "p", 400, 0.8))));

    assertThat(rejections())
        .singleElement()
        .satisfies(r -> assertThat(r.getReasonCode()).isEqualTo(RejectionReason.LATE));
  }

  @Test
  void aRegistrationBehindTheWatermarkStillTakesEffect() throws Exception {
    harness.processWatermark(500);

    push(InputEvent.ofAgent(input("agents", 0, 100), agent("alice", IdentityTier.VERIFIED, 100)));
    push(InputEvent.ofClaim(input("claims", 0, 600), signed(claim("alice", "p", 600, 0.8))));
    harness.processWatermark(700);

    assertThat(rejections()).isEmpty();
    assertThat(outputs()).singleElement().satisfies(e -> assertThat(e.isClaim()).isTrue());
  }

  @Test
  void pendingEventsSurviveASnapshotAndRestore() throws Exception {
    push(InputEvent.ofAgent(input("agents", 0, 100), agent("alice", IdentityTier.VERIFIED, 100)));
    push(InputEvent.ofClaim(input("claims", 0, 200), signed(claim("alice", "p", 200, 0.8))));
    var snapshot = harness.snapshot(1, 1);
    harness.close();

    harness = newHarness();
    harness.initializeState(snapshot);
    harness.open();
    harness.processWatermark(300);

    assertThat(outputs()).hasSize(1);
  }

  private void push(InputEvent event) throws Exception {
    harness.processElement(new StreamRecord<>(event, event.source.timestamp));
  }

  private List<InputEvent> outputs() {
    return harness.extractOutputValues();
  }

  private List<Rejected> rejections() {
    var side = harness.getSideOutput(DeadLetters.TAG);
    return side == null ? List.of() : side.stream().map(StreamRecord::getValue).toList();
  }
}
