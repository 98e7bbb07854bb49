package io.beliefnet.pipeline;

import io.beliefnet.avro.AgentReliability;
import io.beliefnet.avro.Belief;
import io.beliefnet.avro.Contribution;
import io.beliefnet.avro.EvidenceRequest;
import io.beliefnet.avro.Settlement;
import io.beliefnet.ids.IdRules;
import io.beliefnet.model.DomainUpdate.PublishedBelief;
import io.beliefnet.model.DomainUpdate.PublishedSettlement;
import io.beliefnet.model.EvidencePlanner;
import io.beliefnet.model.Reliability;
import io.beliefnet.model.ReputationLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Turns the belief model's answers into output records. */
final class ModelOutputs {

  private ModelOutputs() {}

  static Belief belief(PublishedBelief published, long eventTime) {
    io.beliefnet.model.Belief belief = published.belief();
    List<String> labels = published.outcomeLabels();
    String leading = labels.get(belief.mostLikely());
    List<Contribution> contributors = new ArrayList<>();
    for (io.beliefnet.model.Contribution contribution : belief.topContributors()) {
      contributors.add(new Contribution(contribution.agentId(), leading, contribution.pull()));
    }
    return Belief.newBuilder()
        .setPropositionId(belief.propositionId())
        .setDomain(belief.domain())
        .setOutcomes(labels)
        .setProbabilities(boxed(belief.distribution()))
        .setEffectiveSources(belief.effectiveSources())
        .setClaimCount(belief.claims())
        .setTopContributors(contributors)
        .setResolvedOutcome(
            belief.outcome().isPresent() ? labels.get(belief.outcome().getAsInt()) : null)
        .setVersion(published.version())
        .setUpdatedAt(Instant.ofEpochMilli(eventTime))
        .build();
  }

  /** A request to {@code ask} for a claim on the proposition {@code published} is about. */
  static EvidenceRequest evidenceRequest(
      PublishedBelief published, EvidencePlanner.Ask ask, long eventTime, Duration expiry) {
    io.beliefnet.model.Belief belief = published.belief();
    return EvidenceRequest.newBuilder()
        .setRequestId(
            IdRules.propositionKey(belief.domain(), belief.propositionId())
                + IdRules.KEY_SEPARATOR
                + ask.agentId()
                + IdRules.KEY_SEPARATOR
                + published.version())
        .setAgentId(ask.agentId())
        .setPropositionId(belief.propositionId())
        .setDomain(belief.domain())
        .setOutcomes(published.outcomeLabels())
        .setProbabilities(boxed(belief.distribution()))
        .setBeliefVersion(published.version())
        .setExpectedLossReduction(ask.value())
        .setRequestedAt(Instant.ofEpochMilli(eventTime))
        .setExpiresAt(Instant.ofEpochMilli(eventTime).plus(expiry))
        .build();
  }

  static AgentReliability reliability(Reliability reliability, long eventTime) {
    List<List<Double>> confusion = new ArrayList<>();
    for (double[] row : reliability.confusion()) {
      confusion.add(boxed(row));
    }
    ReputationLedger ledger = reliability.ledger();
    return AgentReliability.newBuilder()
        .setAgentId(reliability.agentId())
        .setDomain(reliability.domain())
        .setAccuracy(reliability.accuracy())
        .setAccuracyStdDev(reliability.accuracyStandardDeviation())
        .setConfusion(confusion)
        .setCalibrationSlope(reliability.calibrationSlope())
        .setCalibrationSlopeStdDev(reliability.calibrationSlopeStandardDeviation())
        .setResolvedClaims(reliability.labelOutcomes() + reliability.forecastOutcomes())
        .setConsensusEvidence(reliability.consensusEvidence())
        .setSettledClaims(ledger.getSettledClaims())
        .setSettlementTotal(ledger.getSettlementTotal())
        .setInformationGainTotal(ledger.getInformationGainTotal())
        .setIndependence(reliability.independence())
        .setUpdatedAt(Instant.ofEpochMilli(eventTime))
        .build();
  }

  static Settlement settlement(PublishedSettlement published, long settledAt) {
    io.beliefnet.model.Settlement settlement = published.settlement();
    return Settlement.newBuilder()
        .setClaimId(published.claimId())
        .setAgentId(settlement.agentId())
        .setPropositionId(settlement.propositionId())
        .setDomain(settlement.domain())
        .setOutcome(published.outcome())
        .setStake(settlement.stake())
        .setInformationGain(settlement.informationGain())
        .setAmount(settlement.amount())
        .setLogScore(settlement.logScore())
        .setBrierScore(settlement.brier())
        .setCorrection(published.correction())
        .setSettledAt(Instant.ofEpochMilli(settledAt))
        .build();
  }

  private static List<Double> boxed(double[] values) {
    List<Double> boxed = new ArrayList<>(values.length);
    for (double value : values) {
      boxed.add(value);
    }
    return boxed;
  }
}
