package io.beliefnet.pipeline;

import static io.beliefnet.pipeline.TestRecords.agent;
import static io.beliefnet.pipeline.TestRecords.claim;
import static io.beliefnet.pipeline.TestRecords.input;
import static io.beliefnet.pipeline.TestRecords.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import io.beliefnet.avro.Belief;
import io.beliefnet.avro.EvidenceRequest;
import io.beliefnet.avro.Feedback;
import io.beliefnet.avro.IdentityTier;
import io.beliefnet.avro.Outcome;
import io.beliefnet.avro.Rejected;
import io.beliefnet.avro.RejectionReason;
import io.beliefnet.avro.Settlement;
import io.beliefnet.model.AgentDomainState;
import io.beliefnet.model.ClaimantModel;
import io.beliefnet.model.ClaimantStamp;
import io.beliefnet.model.DomainState;
import io.beliefnet.model.InMemoryOpenClaimSlots;
import io.beliefnet.model.ModelParameters;
import io.beliefnet.model.PropositionPolicy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PropositionStageTest {

  private static final String DOMAIN = "traffic/london";
  private static final Duration RETENTION = Duration.ofSeconds(10);
  private static final Duration OPEN_RETENTION = Duration.ofSeconds(60);

  private KeyedTwoInputStreamOperatorTestHarness<
          Tuple2<String, String>, InputEvent, DomainSnapshot, Belief>
      harness;

  @BeforeEach
  void open() throws Exception {
    harness = newHarness();
    harness.open();
  }

  private static KeyedTwoInputStreamOperatorTestHarness<
          Tuple2<String, String>, InputEvent, DomainSnapshot, Belief>
      newHarness() throws Exception {
    return new KeyedTwoInputStreamOperatorTestHarness<>(
        new PropositionOperator(
            new PropositionStage(
                ModelParameters.defaults(),
                new PropositionPolicy(
                    io.beliefnet.model.IdentityTier.VERIFIED, OPEN_RETENTION, RETENTION),
                new EvidenceRequestPolicy(2, 10, Duration.ofMinutes(1)))),
        InputEvent::propositionKey,
        null,
        Types.TUPLE(Types.STRING, Types.STRING));
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  @Test
  void anUncertainBeliefAsksTheBestCandidatesThatHaveNotClaimedWithinItsBudget() throws Exception {
    harness.processElement2(
        new StreamRecord<>(
            DomainSnapshot.ofCandidates(
                DOMAIN,
                new EvidenceCandidate[] {
                  candidate("alice", 0.95),
                  candidate("bob", 0.9),
                  candidate("carol", 0.85),
                  candidate("dave", 0.8)
                })));
    pushClaim(1, "alice", 100, 0.6);
    pushClaim(2, "erin", 200, 0.4);
    pushClaim(3, "frank", 300, 0.55);
    watermark(300);

    assertThat(side(PropositionStage.REQUESTS))
        .as("two per minute: bob and carol after alice's claim, nobody after the others")
        .extracting(EvidenceRequest::getAgentId)
        .containsExactly("bob", "carol");
    EvidenceRequest first = side(PropositionStage.REQUESTS).get(0);
    assertThat(first.getPropositionId()).isEqualTo("bridge");
    assertThat(first.getBeliefVersion()).isEqualTo(1);
    assertThat(first.getExpiresAt().toEpochMilli()).isEqualTo(100 + 60_000);
    assertThat(first.getExpectedLossReduction()).isGreaterThan(0);

    watermark(60_100);
    pushClaim(4, "bob", 60_150, 0.7);
    watermark(60_150);

    assertThat(side(PropositionStage.REQUESTS))
        .as("a minute on, the budget is back; alice and bob claimed already")
        .extracting(EvidenceRequest::getAgentId)
        .containsExactly("bob", "carol", "carol", "dave");
  }

  /** A candidate with a symmetric binary confusion, its own controller and full independence. */
  private static EvidenceCandidate candidate(String agent, double accuracy) {
    return EvidenceCandidate.of(
        new io.beliefnet.model.Reliability(
            agent,
            DOMAIN,
            accuracy,
            0,
            new double[][] {{accuracy, 1 - accuracy}, {1 - accuracy, accuracy}},
            1,
            0,
            0,
            0,
            0,
            1,
            new io.beliefnet.model.ReputationLedger()),
        new io.beliefnet.model.AgentProfile(
            agent, "controller-of-" + agent, io.beliefnet.model.IdentityTier.VERIFIED, 0));
  }

  @Test
  void agreeingClaimsRaiseTheBeliefAndTheOutcomeSettlesThem() throws Exception {
    pushClaim(1, "alice", 100, 0.9);
    pushClaim(2, "bob", 200, 0.8);
    watermark(250);

    List<Belief> beliefs = harness.extractOutputValues();
    assertThat(beliefs).extracting(Belief::getVersion).containsExactly(1L, 2L);
    assertThat(beliefs.get(1).getProbabilities().get(1))
        .isGreaterThan(beliefs.get(0).getProbabilities().get(1));

    pushOutcome(3, 300, "yes");
    watermark(350);

    assertThat(side(PropositionStage.SETTLEMENTS))
        .extracting(Settlement::getClaimId)
        .containsExactlyInAnyOrder("alice@bridge@100", "bob@bridge@200");
    assertThat(harness.extractOutputValues().get(2).getResolvedOutcome()).isEqualTo("yes");
  }

  @Test
  void whatTheEventsTaughtIsWrittenOnceBeforeTheBarrierSummedPerAgentAndDomain() throws Exception {
    pushClaim(1, "alice", 100, 1.0);
    pushClaim(2, "bob", 200, 1.0);
    pushOutcome(3, 300, "yes");
    watermark(350);

    assertThat(side(PropositionStage.FEEDBACK)).isEmpty();
    harness.prepareSnapshotPreBarrier(1);

    List<Feedback> feedback = side(PropositionStage.FEEDBACK);
    assertThat(feedback).extracting(Feedback::getAgentId).containsExactly("alice", "bob", null);
    assertThat(feedback.get(0).getAgentDelta().getSettledClaims()).isEqualTo(1);
    assertThat(feedback.get(0).getOpenClaimChanges())
        .extracting(change -> change.getOpened() != null)
        .as("opened by the claim, closed by the outcome")
        .containsExactly(true, false);
    assertThat(feedback.get(2).getDomainDelta().getSupervisedOutcomes()).containsExactly(0.0, 1.0);

    harness.prepareSnapshotPreBarrier(2);
    assertThat(side(PropositionStage.FEEDBACK)).as("nothing new to tell").hasSize(3);
  }

  @Test
  void aNewStampIsAppliedAtOnceAndPublishedIfTheBeliefMoved() throws Exception {
    pushClaim(1, "alice", 100, 0.8);
    watermark(150);
    ClaimantStamp sharper = new ClaimantStamp(null, 3.0, 1.0);

    harness.processElement1(
        new StreamRecord<>(
            InputEvent.ofNotice(
                input("model-feedback", 0, 120),
                ClaimantNotice.restamp(
                    DOMAIN, "alice", new ClaimantModel.Restamp("bridge", sharper, true))),
            120));

    List<Belief> beliefs = harness.extractOutputValues();
    assertThat(beliefs).extracting(Belief::getVersion).containsExactly(1L, 2L);
    assertThat(beliefs.get(1).getProbabilities().get(1))
        .isGreaterThan(beliefs.get(0).getProbabilities().get(1));
  }

  @Test
  void resolvedPropositionIsForgottenAfterTheRetention() throws Exception {
    pushClaim(1, "alice", 100, 0.9);
    pushOutcome(2, 200, "yes");
    watermark(200 + RETENTION.toMillis() + 1);
    pushClaim(4, "bob", 20_100, 0.8);
    watermark(20_101);

    assertThat(side(DeadLetters.TAG)).isEmpty();
    Belief afterwards = harness.extractOutputValues().get(2);
    assertThat(afterwards.getVersion()).isEqualTo(1); // a new proposition: nothing of the old kept
    assertThat(afterwards.getClaimCount()).isEqualTo(1);
  }

  @Test
  void openPropositionIsForgottenOnlyAfterItsLatestClaimIsOlderThanTheOpenRetention()
      throws Exception {
    pushClaim(1, "alice", 100, 0.9);
    pushClaim(2, "bob", 30_000, 0.8);
    watermark(60_200); // a minute after the first claim, not after the latest
    pushOutcome(3, 60_300, "yes");
    watermark(60_400);

    assertThat(side(DeadLetters.TAG)).isEmpty();

    pushClaim(4, "carol", "ferry", 60_500, 0.7);
    watermark(60_500 + OPEN_RETENTION.toMillis() + 1);
    pushOutcome(5, "ferry", 200_000, "yes");
    pushClaim(6, "dave", "ferry", 200_100, 0.7);
    watermark(200_101);

    assertThat(side(PropositionStage.SETTLEMENTS))
        .as("carol's claim was forgotten")
        .noneMatch(settlement -> settlement.getAgentId().equals("carol"));
    assertThat(side(DeadLetters.TAG))
        .extracting(Rejected::getReasonCode)
        .containsExactly(RejectionReason.CLOSED_PROPOSITION);
  }

  @Test
  void anOutcomeBeforeAnyClaimIsKeptForTheRetentionAndClosesTheProposition() throws Exception {
    pushOutcome(1, "ferry", 100, "yes");
    pushOutcome(2, "ferry", 150, "yes"); // a correction by the same resolver
    pushClaim(3, "alice", "ferry", 200, 0.9);
    watermark(201);

    assertThat(side(DeadLetters.TAG))
        .extracting(Rejected::getReasonCode)
        .containsExactly(RejectionReason.CLOSED_PROPOSITION);
    assertThat(side(DeadLetters.TAG).get(0).getReason()).contains("before any claim");
    assertThat(harness.extractOutputValues()).isEmpty();

    watermark(150 + RETENTION.toMillis() + 1);
    pushClaim(4, "bob", "ferry", 20_000, 0.8);
    watermark(20_001);

    assertThat(harness.extractOutputValues())
        .singleElement()
        .satisfies(b -> assertThat(b.getClaimCount()).isEqualTo(1));
  }

  @Test
  void onlyTheResolverThatResolvedAPropositionMayCorrectIt() throws Exception {
    pushClaim(1, "alice", 100, 0.9);
    pushOutcome(2, 200, "yes");
    Outcome byAnother = outcome("bridge", "no", 300);
    byAnother.setResolverId("auditor");
    harness.processElement1(
        new StreamRecord<>(InputEvent.ofOutcome(input("outcomes", 3, 300), byAnother), 300));
    pushOutcome(4, 400, "no");
    watermark(450);

    assertThat(side(DeadLetters.TAG))
        .extracting(Rejected::getReasonCode)
        .containsExactly(RejectionReason.UNTRUSTED_RESOLVER);
    assertThat(side(PropositionStage.SETTLEMENTS))
        .extracting(Settlement::getCorrection)
        .containsExactly(false, true);
  }

  @Test
  void stateSurvivesASnapshotAndRestore() throws Exception {
    pushClaim(1, "alice", 100, 0.9);
    watermark(150);
    restartFromASnapshot();
    pushClaim(2, "bob", 200, 0.8);
    harness.processElement1(new StreamRecord<>(weighed(3, "alice", "bridge", 100, 0.9), 210));
    watermark(250);

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
  void eventsStillWaitingForTheWatermarkAtASnapshotAreAppliedAfterTheRestore() throws Exception {
    pushClaim(1, "alice", 100, 0.9);
    pushClaim(2, "bob", 200, 0.8);
    watermark(150);
    restartFromASnapshot();
    pushOutcome(3, 190, "yes");
    watermark(250);

    assertThat(harness.extractOutputValues())
        .as("the outcome at 190 comes before bob's claim at 200, which waited across the restore")
        .singleElement()
        .satisfies(b -> assertThat(b.getResolvedOutcome()).isEqualTo("yes"));
    assertThat(side(DeadLetters.TAG))
        .extracting(Rejected::getReasonCode)
        .containsExactly(RejectionReason.CLOSED_PROPOSITION);
  }

  @Test
  void aClaimBehindTheWatermarkIsRejectedAsLate() throws Exception {
    watermark(150);
    pushClaim(1, "alice", 100, 0.9);

    assertThat(harness.extractOutputValues()).isEmpty();
    assertThat(side(DeadLetters.TAG))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getReasonCode()).isEqualTo(RejectionReason.LATE);
              assertThat(r.getReason()).contains("behind the watermark 150");
            });
  }

  @Test
  void aWithdrawalAppliesAfterTheClaimsMadeBeforeItsRevocation() throws Exception {
    pushClaim(1, "alice", 100, 0.9);
    pushClaim(2, "bob", 110, 0.8);
    InputEvent withdrawal =
        InputEvent.ofNotice(
            input("agents", 0, 200), ClaimantNotice.withdrawal(DOMAIN, "alice", "bridge", 50));
    harness.processElement1(new StreamRecord<>(withdrawal, 200));
    pushClaim(3, "alice", 150, 0.9); // on its way when the key was revoked
    watermark(250);

    List<Belief> beliefs = harness.extractOutputValues();
    assertThat(beliefs.get(beliefs.size() - 1).getClaimCount()).isEqualTo(1);
    assertThat(beliefs.get(beliefs.size() - 1).getUpdatedAt().toEpochMilli()).isEqualTo(200);
  }

  /** Takes a snapshot, closes the operator and opens a new one restored from the snapshot. */
  private void restartFromASnapshot() throws Exception {
    var snapshot = harness.snapshot(1, 1);
    harness.close();
    harness = newHarness();
    harness.initializeState(snapshot);
    harness.open();
  }

  private void pushClaim(long offset, String agentId, long at, double yes) throws Exception {
    pushClaim(offset, agentId, "bridge", at, yes);
  }

  private void pushClaim(long offset, String agentId, String proposition, long at, double yes)
      throws Exception {
    harness.processElement1(new StreamRecord<>(weighed(offset, agentId, proposition, at, yes), at));
  }

  /** A claim as its agent's side sends it: weighed with what is learned about a new agent. */
  private static InputEvent weighed(
      long offset, String agentId, String proposition, long at, double yes) {
    io.beliefnet.avro.Claim claim = claim(agentId, proposition, at, yes).build();
    InputEvent event =
        InputEvent.ofClaim(input("claims", offset, at), claim)
            .stampedWith(agent(agentId, IdentityTier.VERIFIED, 0));
    return event.weighedAs(
        new ClaimantModel(ModelParameters.defaults())
            .weigh(
                ModelInputs.claim(claim),
                ModelInputs.profile(event.agent),
                new AgentDomainState(),
                new InMemoryOpenClaimSlots(),
                new DomainState()));
  }

  private void pushOutcome(long offset, long at, String label) throws Exception {
    pushOutcome(offset, "bridge", at, label);
  }

  private void pushOutcome(long offset, String proposition, long at, String label)
      throws Exception {
    harness.processElement1(
        new StreamRecord<>(
            InputEvent.ofOutcome(input("outcomes", offset, at), outcome(proposition, label, at)),
            at));
  }

  private void watermark(long at) throws Exception {
    harness.processBothWatermarks(new Watermark(at));
  }

  private <T> List<T> side(OutputTag<T> tag) {
    ConcurrentLinkedQueue<StreamRecord<T>> records = harness.getSideOutput(tag);
    return records == null ? List.of() : records.stream().map(StreamRecord::getValue).toList();
  }
}
