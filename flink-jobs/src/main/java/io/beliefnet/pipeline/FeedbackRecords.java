package io.beliefnet.pipeline;

import io.beliefnet.avro.AgentDelta;
import io.beliefnet.avro.DomainDelta;
import io.beliefnet.avro.Feedback;
import io.beliefnet.avro.OpenClaimEntry;
import io.beliefnet.model.AgentDomainState;
import io.beliefnet.model.ClaimantStamp;
import io.beliefnet.model.DomainState;
import io.beliefnet.model.IdentityTier;
import io.beliefnet.model.ModelFeedback;
import io.beliefnet.model.ModelFeedback.AgentFeedback;
import io.beliefnet.model.ModelFeedback.OpenClaimChange;
import io.beliefnet.model.OpenClaim;
import io.beliefnet.model.ReputationLedger;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;

/**
 * The model's {@link ModelFeedback} as records of the feedback topic and back: one record per agent
 * told, and one for the domain's delta if it learned anything. Every number travels as it is, so
 * what the agent's side applies is bit for bit what the proposition's side made.
 */
final class FeedbackRecords {

  private FeedbackRecords() {}

  /**
   * Most open-claim changes in one record: with ids of 256 code points and 64 outcomes, a record
   * stays under half the producer's default {@code max.request.size} of 1 MB.
   */
  static final int CHANGES_PER_RECORD = 256;

  /**
   * The records of what {@code feedback} tells about domain {@code domain}: per agent, its
   * open-claim changes in order, {@link #CHANGES_PER_RECORD} to a record, the delta with the last,
   * so that the agent's side applies every change before it learns, as the model does.
   */
  static List<Feedback> of(String domain, ModelFeedback feedback) {
    List<Feedback> records = new ArrayList<>();
    for (String agentId : feedback.agentIds()) {
      AgentFeedback told = feedback.of(agentId);
      List<OpenClaimChange> changes = told.openClaimChanges();
      int from = 0;
      do {
        int to = Math.min(changes.size(), from + CHANGES_PER_RECORD);
        boolean last = to == changes.size();
        records.add(
            Feedback.newBuilder()
                .setDomain(domain)
                .setAgentId(agentId)
                .setAgentDelta(last && told.delta() != null ? agentDelta(told.delta()) : null)
                .setOpenClaimChanges(
                    changes.subList(from, to).stream().map(FeedbackRecords::change).toList())
                .build());
        from = to;
      } while (from < changes.size());
    }
    if (!feedback.domain().isEmpty()) {
      records.add(
          Feedback.newBuilder()
              .setDomain(domain)
              .setOpenClaimChanges(List.of())
              .setDomainDelta(domainDelta(feedback.domain()))
              .build());
    }
    return records;
  }

  /** What an agent's record tells it. */
  static AgentFeedback agentFeedback(Feedback record) {
    AgentDelta delta = record.getAgentDelta();
    return new AgentFeedback(
        delta == null ? null : agentState(delta),
        record.getOpenClaimChanges().stream().map(FeedbackRecords::change).toList());
  }

  /** What a domain's record teaches the domain. */
  static DomainState domainState(DomainDelta delta) {
    DomainState state = new DomainState();
    state.setSupervisedOutcomes(doubles(delta.getSupervisedOutcomes()));
    state.setPopulationCalibrationLogLikelihood(
        doubles(delta.getPopulationCalibrationLogLikelihood()));
    state.setPopulationCalibrationClaims(delta.getPopulationCalibrationClaims());
    state.setPoolingLogLikelihood(doubles(delta.getPoolingLogLikelihood()));
    state.setBaseRateWeightLogLikelihood(doubles(delta.getBaseRateWeightLogLikelihood()));
    state.setLabelPriorWeightLogLikelihood(doubles(delta.getLabelPriorWeightLogLikelihood()));
    return state;
  }

  private static DomainDelta domainDelta(DomainState state) {
    return DomainDelta.newBuilder()
        .setSupervisedOutcomes(boxed(state.getSupervisedOutcomes()))
        .setPopulationCalibrationLogLikelihood(boxed(state.getPopulationCalibrationLogLikelihood()))
        .setPopulationCalibrationClaims(state.getPopulationCalibrationClaims())
        .setPoolingLogLikelihood(boxed(state.getPoolingLogLikelihood()))
        .setBaseRateWeightLogLikelihood(boxed(state.getBaseRateWeightLogLikelihood()))
        .setLabelPriorWeightLogLikelihood(boxed(state.getLabelPriorWeightLogLikelihood()))
        .build();
  }

  private static AgentDelta agentDelta(AgentDomainState state) {
    ReputationLedger ledger = state.getLedger();
    return AgentDelta.newBuilder()
        .setMatrixSize(state.getMatrixSize())
        .setSupervisedCounts(boxed(state.getSupervisedCounts()))
        .setConsensusCounts(boxed(state.getConsensusCounts()))
        .setCalibrationLogLikelihood(boxed(state.getCalibrationLogLikelihood()))
        .setIndependenceLogLikelihood(boxed(state.getIndependenceLogLikelihood()))
        .setSupervisedClaims(state.getSupervisedClaims())
        .setCalibrationClaims(state.getCalibrationClaims())
        .setSettledClaims(ledger.getSettledClaims())
        .setSettlementTotal(ledger.getSettlementTotal())
        .setInformationGainTotal(ledger.getInformationGainTotal())
        .setLogScoreTotal(ledger.getLogScoreTotal())
        .setBrierTotal(ledger.getBrierTotal())
        .build();
  }

  private static AgentDomainState agentState(AgentDelta delta) {
    AgentDomainState state = new AgentDomainState();
    state.setMatrixSize(delta.getMatrixSize());
    state.setSupervisedCounts(doubles(delta.getSupervisedCounts()));
    state.setConsensusCounts(doubles(delta.getConsensusCounts()));
    state.setCalibrationLogLikelihood(doubles(delta.getCalibrationLogLikelihood()));
    state.setIndependenceLogLikelihood(doubles(delta.getIndependenceLogLikelihood()));
    state.setSupervisedClaims(delta.getSupervisedClaims());
    state.setCalibrationClaims(delta.getCalibrationClaims());
    ReputationLedger ledger = new ReputationLedger();
    ledger.setSettledClaims(delta.getSettledClaims());
    ledger.setSettlementTotal(delta.getSettlementTotal());
    ledger.setInformationGainTotal(delta.getInformationGainTotal());
    ledger.setLogScoreTotal(delta.getLogScoreTotal());
    ledger.setBrierTotal(delta.getBrierTotal());
    state.setLedger(ledger);
    return state;
  }

  private static io.beliefnet.avro.OpenClaimChange change(OpenClaimChange change) {
    OpenClaim claim = change.opened();
    OpenClaimEntry entry = null;
    if (claim != null) {
      ClaimantStamp stamp = claim.getStamp();
      entry =
          OpenClaimEntry.newBuilder()
              .setOutcomeCount(claim.getOutcomeCount())
              .setLabel(claim.getLabel())
              .setPriorTier(claim.getPriorTier().name())
              .setInfluenceCapped(claim.isInfluenceCapped())
              .setLabelLogLikelihood(
                  stamp.labelLogLikelihood() == null ? null : boxed(stamp.labelLogLikelihood()))
              .setCalibrationSlope(stamp.calibrationSlope())
              .setIndependence(stamp.independence())
              .build();
    }
    return io.beliefnet.avro.OpenClaimChange.newBuilder()
        .setPropositionId(change.propositionId())
        .setOpened(entry)
        .build();
  }

  private static OpenClaimChange change(io.beliefnet.avro.OpenClaimChange change) {
    OpenClaimEntry entry = change.getOpened();
    if (entry == null) {
      return new OpenClaimChange(change.getPropositionId(), null);
    }
    OpenClaim claim = new OpenClaim();
    claim.setPropositionId(change.getPropositionId());
    claim.setOutcomeCount(entry.getOutcomeCount());
    claim.setLabel(entry.getLabel());
    claim.setPriorTier(IdentityTier.valueOf(entry.getPriorTier()));
    claim.setInfluenceCapped(entry.getInfluenceCapped());
    claim.setStamp(
        new ClaimantStamp(
            entry.getLabelLogLikelihood() == null ? null : doubles(entry.getLabelLogLikelihood()),
            entry.getCalibrationSlope(),
            entry.getIndependence()));
    return new OpenClaimChange(change.getPropositionId(), claim);
  }

  /**
   * The values as the list an Avro record holds, read through rather than copied: a record is
   * written as soon as it is made, and boxing whole arrays into new lists was a third of the cost
   * of writing the feedback (the job alone, spread over 8 domains).
   */
  private static List<Double> boxed(double[] values) {
    return new AbstractList<>() {
      @Override
      public Double get(int index) {
        return values[index];
      }

      @Override
      public int size() {
        return values.length;
      }
    };
  }

  private static double[] doubles(List<Double> values) {
    double[] result = new double[values.size()];
    for (int i = 0; i < result.length; i++) {
      result[i] = values.get(i);
    }
    return result;
  }
}
