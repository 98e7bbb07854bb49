package io.beliefnet.pipeline;

import static io.beliefnet.pipeline.TestRecords.agent;
import static io.beliefnet.pipeline.TestRecords.claim;
import static io.beliefnet.pipeline.TestRecords.input;
import static org.assertj.core.api.Assertions.assertThat;

import io.beliefnet.avro.AgentIdentity;
import io.beliefnet.avro.IdentityTier;
import io.beliefnet.avro.Rejected;
import io.beliefnet.avro.RejectionReason;
import io.beliefnet.pipeline.kafka.DeadLetters;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AgentIdentityStageTest {

  private KeyedOneInputStreamOperatorTestHarness<String, InputEvent, InputEvent> harness;

  @BeforeEach
  void open() throws Exception {
    harness = newHarness();
    harness.open();
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, InputEvent, InputEvent> newHarness()
      throws Exception {
    return new KeyedOneInputStreamOperatorTestHarness<>(
        new KeyedProcessOperator<>(new AgentIdentityStage()), InputEvent::agentId, Types.STRING);
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  @Test
  void claimIsStampedWithTheRegistrationBeforeItInEventTime() throws Exception {
    // given the claim arrives first, but the registration happened earlier in event time
    push(InputEvent.ofClaim(input("claims", 0, 200), claim("alice", "p", 200, 0.8).build()));
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
  void nothingIsAppliedBeforeTheWatermarkPassesIt() throws Exception {
    push(InputEvent.ofAgent(input("agents", 0, 100), agent("alice", IdentityTier.VERIFIED, 100)));
    push(InputEvent.ofClaim(input("claims", 0, 200), claim("alice", "p", 200, 0.8).build()));

    harness.processWatermark(199);

    assertThat(outputs()).isEmpty();
    assertThat(harness.numKeyedStateEntries()).isPositive();
  }

  @Test
  void claimOfAnUnregisteredAgentIsRejected() throws Exception {
    push(InputEvent.ofClaim(input("claims", 5, 200), claim("mallory", "p", 200, 0.8).build()));

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
    AgentIdentity revoked = agent("alice", IdentityTier.VERIFIED, 150);
    revoked.setRevoked(true);
    push(InputEvent.ofAgent(input("agents", 0, 100), agent("alice", IdentityTier.VERIFIED, 100)));
    push(InputEvent.ofAgent(input("agents", 1, 150), revoked));
    push(InputEvent.ofClaim(input("claims", 0, 200), claim("alice", "p", 200, 0.8).build()));

    harness.processWatermark(300);

    assertThat(outputs()).isEmpty();
    assertThat(rejections()).singleElement().satisfies(r -> assertThat(r.getReason()).contains("revoked"));
  }

  @Test
  void eventBehindTheWatermarkIsRejectedAsLate() throws Exception {
    harness.processWatermark(500);

    push(InputEvent.ofClaim(input("claims", 9, 400), claim("alice", "p", 400, 0.8).build()));

    assertThat(rejections())
        .singleElement()
        .satisfies(r -> assertThat(r.getReasonCode()).isEqualTo(RejectionReason.LATE));
  }

  @Test
  void pendingEventsSurviveASnapshotAndRestore() throws Exception {
    push(InputEvent.ofAgent(input("agents", 0, 100), agent("alice", IdentityTier.VERIFIED, 100)));
    push(InputEvent.ofClaim(input("claims", 0, 200), claim("alice", "p", 200, 0.8).build()));
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
