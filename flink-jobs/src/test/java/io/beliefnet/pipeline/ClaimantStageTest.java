package io.beliefnet.pipeline;

import static io.beliefnet.pipeline.TestRecords.agent;
import static io.beliefnet.pipeline.TestRecords.claim;
import static io.beliefnet.pipeline.TestRecords.input;
import static org.assertj.core.api.Assertions.assertThat;

import io.beliefnet.avro.IdentityTier;
import io.beliefnet.model.AgentDomainState;
import io.beliefnet.model.ClaimState;
import io.beliefnet.model.ModelFeedback;
import io.beliefnet.model.ModelFeedback.AgentFeedback;
import io.beliefnet.model.ModelFeedback.OpenClaimChange;
import io.beliefnet.model.ModelParameters;
import io.beliefnet.model.OpenClaim;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClaimantStageTest {

  private static final String DOMAIN = "traffic/london";
  private static final long WINDOW = 100;

  private KeyedTwoInputStreamOperatorTestHarness<
          Tuple2<String, String>, InputEvent, DomainSnapshot, InputEvent>
      harness;

  @BeforeEach
  void open() throws Exception {
    harness =
        new KeyedTwoInputStreamOperatorTestHarness<>(
            new CoBroadcastWithKeyedOperator<>(
                new ClaimantStage(ModelParameters.defaults(), WINDOW),
                List.of(DomainSnapshot.LATEST)),
            InputEvent::claimantKey,
            null,
            Types.TUPLE(Types.STRING, Types.STRING));
    harness.open();
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  @Test
  void aClaimLeavesWeighedWithItsTimestamp() throws Exception {
    pushClaim(1, "bridge", 100);

    assertThat(harness.extractOutputValues())
        .singleElement()
        .satisfies(
            weighed -> {
              assertThat(weighed.weighed.getStamp().labelLogLikelihood()).hasSize(2);
              assertThat(weighed.propositionKey()).isEqualTo(Tuple2.of(DOMAIN, "bridge"));
            });
    assertThat(harness.getOutput())
        .extracting(r -> ((StreamRecord<?>) r).getTimestamp())
        .containsExactly(100L);
  }

  /** One record from each proposition subtask the agent's claims reach, in one window. */
  @ParameterizedTest(name = "{0} feedback records in the window")
  @ValueSource(ints = {1, 2})
  void whatTheAgentLearnedIsPublishedAndReStampsItsOpenClaimsOnceAtTheEndOfTheWindow(int records)
      throws Exception {
    pushClaim(1, "bridge", 100);
    pushClaim(2, "ferry", 110);

    for (int r = 0; r < records; r++) {
      pushFeedback(5 + r, accurate());
    }
    assertThat(side(ClaimantStage.RELIABILITIES)).isEmpty();
    harness.setProcessingTime(2 * WINDOW); // past the end of the key's first window

    assertThat(side(ClaimantStage.RELIABILITIES))
        .singleElement()
        .satisfies(r -> assertThat(r.getAccuracy()).isGreaterThan(0.9));
    assertThat(harness.extractOutputValues())
        .filteredOn(InputEvent::isNotice)
        .extracting(e -> e.notice.propositionId)
        .containsExactly("bridge", "ferry");
  }

  @Test
  void feedbackThatOnlyOpensAClaimStillBringsARoundThatBringsOlderStampsUpToDate()
      throws Exception {
    int older = 12; // more than one round re-stamps
    for (int i = 0; i < older; i++) {
      pushClaim(1 + i, "p" + i, 100 + i);
    }
    pushFeedback(20, accurate());
    harness.setProcessingTime(2 * WINDOW);
    assertThat(restamped()).hasSize(ModelParameters.defaults().refreshesPerChange());

    pushClaim(21, "news", 200); // weighed with what the agent learned: nothing to catch up on
    pushOpened(22, "news", lastWeighed());
    harness.setProcessingTime(4 * WINDOW);

    assertThat(restamped())
        .containsExactlyElementsOf(IntStream.range(0, older).mapToObj(i -> "p" + i).toList());
    assertThat(side(ClaimantStage.RELIABILITIES)).hasSize(1); // learned once, published once
  }

  private List<String> restamped() {
    return harness.extractOutputValues().stream()
        .filter(InputEvent::isNotice)
        .map(e -> e.notice.propositionId)
        .toList();
  }

  private ClaimState lastWeighed() {
    List<InputEvent> out = harness.extractOutputValues();
    return out.get(out.size() - 1).weighed;
  }

  /** The proposition's word that {@code claim} is open on it, and nothing learned. */
  private void pushOpened(long offset, String proposition, ClaimState claim) throws Exception {
    OpenClaim open = new OpenClaim();
    open.setPropositionId(proposition);
    open.setOutcomeCount(2);
    open.setLabel(claim.getLabel());
    open.setPriorTier(io.beliefnet.model.IdentityTier.VERIFIED);
    open.setStamp(claim.getStamp());
    push(offset, new AgentFeedback(null, List.of(new OpenClaimChange(proposition, open))));
  }

  /** What twenty outcomes, each answered right, teach about an agent. */
  private static AgentDomainState accurate() {
    AgentDomainState accurate = new AgentDomainState();
    accurate.setMatrixSize(2);
    accurate.setSupervisedCounts(new double[] {20, 0, 0, 20});
    accurate.setConsensusCounts(new double[4]);
    return accurate;
  }

  private void pushFeedback(long offset, AgentDomainState delta) throws Exception {
    push(offset, new AgentFeedback(delta, List.of()));
  }

  /** What a proposition subtask tells alice, as the record it writes to the feedback topic. */
  private void push(long offset, AgentFeedback told) throws Exception {
    ModelFeedback taught = new ModelFeedback();
    taught.add("alice", told);
    harness.processElement1(
        new StreamRecord<>(
            InputEvent.ofFeedback(
                input("model-feedback", offset, 5_000), FeedbackRecords.of(DOMAIN, taught).get(0)),
            5_000));
  }

  @Test
  void aRevocationWithdrawsEveryOpenClaimIncludingThoseOnTheirWay() throws Exception {
    pushClaim(1, "bridge", 100);
    pushClaim(2, "ferry", 110);

    harness.processElement1(
        new StreamRecord<>(
            InputEvent.revocation(
                input("agents", 0, 200), agent("alice", IdentityTier.VERIFIED, 50), DOMAIN),
            200));

    assertThat(harness.extractOutputValues())
        .filteredOn(InputEvent::isNotice)
        .extracting(e -> e.notice.propositionId + " since " + e.notice.withdrawSince)
        .containsExactly("bridge since 50", "ferry since 50");
  }

  private void pushClaim(long offset, String proposition, long at) throws Exception {
    InputEvent event =
        InputEvent.ofClaim(
                input("claims", offset, at),
                claim("alice", proposition, at, 1.0).setHardLabel(true).build())
            .stampedWith(agent("alice", IdentityTier.VERIFIED, 0));
    harness.processElement1(new StreamRecord<>(event, at));
  }

  private <T> List<T> side(OutputTag<T> tag) {
    ConcurrentLinkedQueue<StreamRecord<T>> records = harness.getSideOutput(tag);
    return records == null ? List.of() : records.stream().map(StreamRecord::getValue).toList();
  }
}
