package io.beliefnet.dashboard;

import io.beliefnet.avro.AgentReliability;
import io.beliefnet.avro.Belief;
import io.beliefnet.avro.Claim;
import io.beliefnet.avro.Outcome;
import io.beliefnet.avro.Rejected;
import io.beliefnet.avro.RejectionReason;
import io.beliefnet.avro.Settlement;
import java.time.Instant;
import java.util.List;

/** Records of each topic with only the fields the dashboard reads chosen by the test. */
final class Records {

  static final String DOMAIN = "traffic/london";
  static final List<String> OUTCOMES = List.of("open", "closed");

  private Records() {}

  static Belief belief(String proposition, long version, double pOpen, String resolvedOutcome) {
    return Belief.newBuilder()
        .setPropositionId(proposition)
        .setDomain(DOMAIN)
        .setOutcomes(OUTCOMES)
        .setProbabilities(List.of(pOpen, 1 - pOpen))
        .setEffectiveSources(1.0)
        .setClaimCount(1)
        .setTopContributors(List.of())
        .setResolvedOutcome(resolvedOutcome)
        .setVersion(version)
        .setUpdatedAt(Instant.ofEpochSecond(version))
        .build();
  }

  static Claim claim(String proposition, String agent, double pOpen) {
    return Claim.newBuilder()
        .setClaimId(agent + "/" + proposition)
        .setAgentId(agent)
        .setPropositionId(proposition)
        .setDomain(DOMAIN)
        .setOutcomes(OUTCOMES)
        .setProbabilities(List.of(pOpen, 1 - pOpen))
        .setHardLabel(false)
        .setEventTime(Instant.ofEpochSecond(1))
        .build();
  }

  static Outcome outcome(String proposition, String outcome) {
    return Outcome.newBuilder()
        .setOutcomeId("outcome-" + proposition)
        .setPropositionId(proposition)
        .setDomain(DOMAIN)
        .setOutcome(outcome)
        .setResolverId("resolver")
        .setObservedAt(Instant.ofEpochSecond(9))
        .build();
  }

  static AgentReliability reliability(String agent, double settlementTotal) {
    return AgentReliability.newBuilder()
        .setAgentId(agent)
        .setDomain(DOMAIN)
        .setAccuracy(0.9)
        .setAccuracyStdDev(0.05)
        .setCalibrationSlope(1.0)
        .setCalibrationSlopeStdDev(0.1)
        .setResolvedClaims(3)
        .setConsensusEvidence(0.0)
        .setSettledClaims(3)
        .setSettlementTotal(settlementTotal)
        .setInformationGainTotal(settlementTotal)
        .setUpdatedAt(Instant.ofEpochSecond(5))
        .build();
  }

  static Settlement settlement(String agent, String proposition, double amount) {
    return Settlement.newBuilder()
        .setClaimId(agent + "/" + proposition)
        .setAgentId(agent)
        .setPropositionId(proposition)
        .setDomain(DOMAIN)
        .setOutcome("open")
        .setStake(1.0)
        .setInformationGain(amount)
        .setAmount(amount)
        .setLogScore(-0.1)
        .setBrierScore(0.01)
        .setSettledAt(Instant.ofEpochSecond(9))
        .build();
  }

  static Rejected rejected(RejectionReason reason, String sentence) {
    return Rejected.newBuilder()
        .setSourceTopic("claims")
        .setPartition(0)
        .setOffset(7)
        .setReasonCode(reason)
        .setReason(sentence)
        .setRecordTimestamp(Instant.ofEpochSecond(3))
        .build();
  }
}
