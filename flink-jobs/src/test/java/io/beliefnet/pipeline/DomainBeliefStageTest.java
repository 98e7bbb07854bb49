package io.beliefnet.pipeline;

import static io.beliefnet.pipeline.TestRecords.agent;
import static io.beliefnet.pipeline.TestRecords.claim;
import static io.beliefnet.pipeline.TestRecords.input;
import static io.beliefnet.pipeline.TestRecords.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import io.beliefnet.avro.AgentReliability;
import io.beliefnet.avro.Belief;
import io.beliefnet.avro.IdentityTier;
import io.beliefnet.avro.Outcome;
import io.beliefnet.avro.Rejected;
import io.beliefnet.avro.RejectionReason;
import io.beliefnet.avro.Settlement;
import io.beliefnet.model.ModelParameters;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DomainBeliefStageTest {

  private static final Duration RETENTION = Duration.ofSeconds(10);
  private static final Duration OPEN_RETENTION = Duration.ofSeconds(60);

  private KeyedOneInputStreamOperatorTestHarness<String, InputEvent, Belief> harness;

  @BeforeEach
  void open() throws Exception {
    harness = newHarness();
    harness.open();
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, InputEvent, Belief> newHarness()
      throws Exception {
    return new KeyedOneInputStreamOperatorTestHarness<>(
        new KeyedProcessOperator<>(
            new DomainBeliefStage(ModelParameters.defaults(), RETENTION, OPEN_RETENTION)),
        InputEvent::domain,
        Types.STRING);
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  @Test
  void agreeingClaimsRaiseTheBeliefAndTheOutcomeSettlesThem() throws Exception {
    pushClaim(1, "alice", 100, 0.9);
    pushClaim(2, "bob", 200, 0.8);
    harness.processWatermark(250);

    List<Belief> beliefs = harness.extractOutputValues();
    assertThat(beliefs).extracting(Belief::getVersion).containsExactly(1L, 2L);
    assertThat(beliefs.get(1).getProbabilities().get(1))
        .isGreaterThan(beliefs.get(0).getProbabilities().get(1));
    assertThat(side(DomainBeliefStage.RELIABILITIES))
        .extracting(AgentReliability::getAgentId)
        .containsExactly("alice", "bob");

    pushOutcome(3, 300, "yes");
    harness.processWatermark(350);

    assertThat(side(DomainBeliefStage.SETTLEMENTS))
        .extracting(Settlement::getClaimId)
        .containsExactlyInAnyOrder("alice@bridge@100", "bob@bridge@200");
    assertThat(harness.extractOutputValues().get(2).getResolvedOutcome()).isEqualTo("yes");
  }

  @Test
  void resolvedPropositionIsForgottenAfterTheRetention() throws Exception {
    pushClaim(1, "alice", 100, 0.9);
    pushOutcome(2, 200, "yes");
    harness.processWatermark(200 + RETENTION.toMillis() + 1);
    pushOutcome(3, 20_000, "no");
    pushClaim(4, "bob", 20_100, 0.8);
    harness.processWatermark(20_101);

    assertThat(side(DeadLetters.TAG))
        .extracting(Rejected::getReasonCode)
        .containsExactly(RejectionReason.UNKNOWN_PROPOSITION);
    Belief afterwards = harness.extractOutputValues().get(2);
    assertThat(afterwards.getVersion()).isEqualTo(1); // a new proposition: nothing of the old kept
    assertThat(afterwards.getClaimCount()).isEqualTo(1);
  }

  @Test
  void openPropositionIsForgottenOnlyAfterItsLatestClaimIsOlderThanTheOpenRetention()
      throws Exception {
    pushClaim(1, "alice", 100, 0.9);
    pushClaim(2, "bob", 30_000, 0.8);
    harness.processWatermark(60_200); // a minute after the first claim, not after the latest
    pushOutcome(3, 60_300, "yes");
    harness.processWatermark(60_400);

    assertThat(side(DeadLetters.TAG)).isEmpty();

    pushClaim(4, "carol", "ferry", 60_500, 0.7);
    harness.processWatermark(60_500 + OPEN_RETENTION.toMillis() + 1);
    pushOutcome(5, "ferry", 200_000, "yes");
    harness.processWatermark(200_001);

    assertThat(side(DeadLetters.TAG))
        .extracting(Rejected::getReasonCode)
        .containsExactly(RejectionReason.UNKNOWN_PROPOSITION);
  }

  @Test
  void onlyTheResolverThatResolvedAPropositionMayCorrectIt() throws Exception {
    pushClaim(1, "alice", 100, 0.9);
    pushOutcome(2, 200, "yes");
    Outcome byAnother = outcome("bridge", "no", 300);
    byAnother.setResolverId("auditor");
    harness.processElement(
        new StreamRecord<>(InputEvent.ofOutcome(input("outcomes", 3, 300), byAnother), 300));
    pushOutcome(4, 400, "no");
    harness.processWatermark(450);

    assertThat(side(DeadLetters.TAG))
        .extracting(Rejected::getReasonCode)
        .containsExactly(RejectionReason.UNTRUSTED_RESOLVER);
    assertThat(side(DomainBeliefStage.SETTLEMENTS))
        .extracting(Settlement::getCorrection)
        .containsExactly(false, true);
  }

  @Test
  void stateSurvivesASnapshotAndRestore() throws Exception {
    pushClaim(1, "alice", 100, 0.9);
    harness.processWatermark(150);
    var snapshot = harness.snapshot(1, 1);
    harness.close();

    harness = newHarness();
    harness.initializeState(snapshot);
    harness.open();
    pushClaim(2, "bob", 200, 0.8);
    InputEvent resent =
        InputEvent.ofClaim(input("claims", 3, 210), claim("alice", "bridge", 100, 0.9).build())
            .stampedWith(agent("alice", IdentityTier.VERIFIED, 0));
    harness.processElement(new StreamRecord<>(resent, 210));
    harness.processWatermark(250);

    assertThat(harness.extractOutputValues())
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.getClaimCount()).isEqualTo(2);
              assertThat(b.getVersion()).isEqualTo(2L);
            });
    assertThat(side(DeadLetters.TAG))
        .as("a claim re-sent after a restore")
        .extracting(Rejected::getReasonCode)
        .containsExactly(RejectionReason.DUPLICATE);
  }

  @Test
  void aRevocationWithdrawsTheRevokedKeysClaims() throws Exception {
    pushClaim(1, "alice", 100, 0.9);
    pushClaim(2, "bob", 110, 0.8);
    harness.processWatermark(150);
    InputEvent revocation =
        InputEvent.revocation(
            input("agents", 0, 200), agent("alice", IdentityTier.VERIFIED, 50), "traffic/london");
    harness.processElement(new StreamRecord<>(revocation, 200));
    harness.processWatermark(250);

    List<Belief> beliefs = harness.extractOutputValues();
    assertThat(beliefs.get(beliefs.size() - 1).getClaimCount()).isEqualTo(1);
    assertThat(beliefs.get(beliefs.size() - 1).getUpdatedAt().toEpochMilli()).isEqualTo(200);
  }

  private void pushClaim(long offset, String agentId, long at, double yes) throws Exception {
    pushClaim(offset, agentId, "bridge", at, yes);
  }

  private void pushClaim(long offset, String agentId, String proposition, long at, double yes)
      throws Exception {
    InputEvent event =
        InputEvent.ofClaim(
                input("claims", offset, at), claim(agentId, proposition, at, yes).build())
            .stampedWith(agent(agentId, IdentityTier.VERIFIED, 0));
    harness.processElement(new StreamRecord<>(event, at));
  }

  private void pushOutcome(long offset, long at, String label) throws Exception {
    pushOutcome(offset, "bridge", at, label);
  }

  private void pushOutcome(long offset, String proposition, long at, String label)
      throws Exception {
    InputEvent event =
        InputEvent.ofOutcome(input("outcomes", offset, at), outcome(proposition, label, at));
    harness.processElement(new StreamRecord<>(event, at));
  }

  private <T> List<T> side(OutputTag<T> tag) {
    ConcurrentLinkedQueue<StreamRecord<T>> records = harness.getSideOutput(tag);
    return records == null ? List.of() : records.stream().map(StreamRecord::getValue).toList();
  }
}
