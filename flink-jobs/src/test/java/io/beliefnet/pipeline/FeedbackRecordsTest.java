package io.beliefnet.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.beliefnet.avro.Feedback;
import io.beliefnet.avro.RejectionReason;
import io.beliefnet.model.AgentDomainState;
import io.beliefnet.model.ClaimantStamp;
import io.beliefnet.model.DomainState;
import io.beliefnet.model.IdentityTier;
import io.beliefnet.model.ModelFeedback;
import io.beliefnet.model.ModelFeedback.AgentFeedback;
import io.beliefnet.model.ModelFeedback.OpenClaimChange;
import io.beliefnet.model.OpenClaim;
import io.beliefnet.pipeline.validation.InputValidator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedbackRecordsTest {

  @Test
  void whatAnAgentIsToldComesBackAsItWasSent() {
    AgentDomainState delta = delta(2);
    List<OpenClaimChange> changes = List.of(opened("p1"), new OpenClaimChange("p0", null));
    ModelFeedback feedback = new ModelFeedback();
    feedback.add("alice", new AgentFeedback(delta, changes));

    List<Feedback> records = FeedbackRecords.of("d", feedback);
    AgentFeedback read = FeedbackRecords.agentFeedback(records.get(0));

    assertThat(records).hasSize(1);
    assertThat(InputValidator.check(records.get(0))).isEmpty();
    assertThat(read.delta().getSupervisedCounts()).containsExactly(delta.getSupervisedCounts());
    assertThat(read.openClaimChanges())
        .extracting(OpenClaimChange::propositionId)
        .containsExactly("p1", "p0");
    assertThat(read.openClaimChanges().get(0).opened().getStamp().labelLogLikelihood())
        .containsExactly(-0.1, -2.3);
  }

  @Test
  void whatADomainLearnedComesBackAsItWasSentAndAnEarlierVersionsRecordStillFits() {
    ModelFeedback feedback = new ModelFeedback();
    feedback.domain().setSupervisedOutcomes(new double[] {0, 1});
    double[] baseRateWeight = new double[feedback.domain().getBaseRateWeightLogLikelihood().length];
    baseRateWeight[3] = -0.7;
    feedback.domain().setBaseRateWeightLogLikelihood(baseRateWeight);
    double[] labelPriorWeight =
        new double[feedback.domain().getLabelPriorWeightLogLikelihood().length];
    labelPriorWeight[5] = -1.2;
    feedback.domain().setLabelPriorWeightLogLikelihood(labelPriorWeight);

    Feedback record = FeedbackRecords.of("d", feedback).get(0);
    Feedback earlierVersion = FeedbackRecords.of("d", feedback).get(0);
    earlierVersion.getDomainDelta().setBaseRateWeightLogLikelihood(List.of());
    earlierVersion.getDomainDelta().setLabelPriorWeightLogLikelihood(List.of());

    assertThat(InputValidator.check(record)).isEmpty();
    assertThat(
            FeedbackRecords.domainState(record.getDomainDelta()).getBaseRateWeightLogLikelihood())
        .containsExactly(baseRateWeight);
    assertThat(
            FeedbackRecords.domainState(record.getDomainDelta()).getLabelPriorWeightLogLikelihood())
        .containsExactly(labelPriorWeight);
    assertThat(InputValidator.check(earlierVersion)).isEmpty();
    DomainState learned = new DomainState();
    learned.add(FeedbackRecords.domainState(earlierVersion.getDomainDelta()));
    assertThat(learned.getBaseRateWeightLogLikelihood()).containsOnly(0.0);
    assertThat(learned.getLabelPriorWeightLogLikelihood()).containsOnly(0.0);
  }

  @Test
  void manyChangesAreSplitOverRecordsWithTheDeltaInTheLast() {
    List<OpenClaimChange> changes = new ArrayList<>();
    for (int i = 0; i < FeedbackRecords.CHANGES_PER_RECORD + 10; i++) {
      changes.add(opened("p" + i));
    }
    ModelFeedback feedback = new ModelFeedback();
    feedback.add("alice", new AgentFeedback(delta(2), changes));

    List<Feedback> records = FeedbackRecords.of("d", feedback);

    assertThat(records)
        .extracting(r -> r.getOpenClaimChanges().size())
        .containsExactly(FeedbackRecords.CHANGES_PER_RECORD, 10);
    assertThat(records).extracting(r -> r.getAgentDelta() != null).containsExactly(false, true);
  }

  @Test
  void aRecordThatDoesNotFitTheModelsShapesIsRefusedSayingWho() {
    ModelFeedback feedback = new ModelFeedback();
    feedback.add("alice", new AgentFeedback(delta(2), List.of()));
    Feedback wrongSize = FeedbackRecords.of("d", feedback).get(0);
    wrongSize.getAgentDelta().setSupervisedCounts(List.of(1.0, 2.0, 3.0));
    Feedback notFinite = FeedbackRecords.of("d", feedback).get(0);
    notFinite.getAgentDelta().setSettlementTotal(Double.NaN);
    Feedback noDelta = Feedback.newBuilder().setDomain("d").setOpenClaimChanges(List.of()).build();

    for (Feedback forged : List.of(wrongSize, notFinite, noDelta)) {
      assertThat(InputValidator.check(forged))
          .get()
          .satisfies(
              violation -> {
                assertThat(violation.reason()).isEqualTo(RejectionReason.INVALID_RECORD);
                assertThat(violation.message()).contains("only the belief job may write");
              });
    }
  }

  private static AgentDomainState delta(int outcomes) {
    AgentDomainState delta = new AgentDomainState();
    delta.setMatrixSize(outcomes);
    double[] counts = new double[outcomes * outcomes];
    counts[0] = 3;
    delta.setSupervisedCounts(counts);
    delta.setConsensusCounts(new double[outcomes * outcomes]);
    return delta;
  }

  private static OpenClaimChange opened(String proposition) {
    OpenClaim claim = new OpenClaim();
    claim.setPropositionId(proposition);
    claim.setOutcomeCount(2);
    claim.setLabel(1);
    claim.setPriorTier(IdentityTier.VERIFIED);
    claim.setStamp(new ClaimantStamp(new double[] {-0.1, -2.3}, 1, 0.9));
    return new OpenClaimChange(proposition, claim);
  }
}
