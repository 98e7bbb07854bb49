package io.beliefnet.pipeline;

import io.beliefnet.avro.AgentReliability;
import io.beliefnet.avro.Belief;
import io.beliefnet.avro.Settlement;
import io.beliefnet.pipeline.ModelReplay.ExpectedBelief;
import io.beliefnet.pipeline.ModelReplay.ExpectedReliability;
import io.beliefnet.pipeline.ModelReplay.ExpectedSettlement;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The job's output seen the way {@link ModelReplay} states its expectations. */
final class ParityViews {

  private ParityViews() {}

  /**
   * The beliefs emitted for the event they are about (not those re-emitted by refreshes), in event
   * order.
   */
  static List<ExpectedBelief> directBeliefs(List<Belief> beliefs, List<ScriptedEvent> script) {
    Set<String> events =
        script.stream().map(e -> e.key() + "@" + e.timestamp()).collect(Collectors.toSet());
    return beliefs.stream()
        .filter(b -> events.contains(b.getPropositionId() + "@" + b.getUpdatedAt().toEpochMilli()))
        .sorted(Comparator.comparing(Belief::getUpdatedAt))
        .map(
            b ->
                new ExpectedBelief(
                    b.getPropositionId(),
                    b.getUpdatedAt().toEpochMilli(),
                    b.getProbabilities(),
                    b.getEffectiveSources(),
                    b.getClaimCount(),
                    b.getResolvedOutcome()))
        .toList();
  }

  static List<ExpectedReliability> reliabilities(List<AgentReliability> records) {
    return records.stream()
        .filter(r -> !r.getDomain().equals("test/heartbeat"))
        .sorted(Comparator.comparing(AgentReliability::getUpdatedAt))
        .map(
            r ->
                new ExpectedReliability(
                    r.getAgentId(),
                    r.getDomain(),
                    r.getUpdatedAt().toEpochMilli(),
                    r.getAccuracy(),
                    r.getConfusion(),
                    r.getConsensusEvidence(),
                    r.getSettlementTotal()))
        .toList();
  }

  static List<ExpectedSettlement> settlements(List<Settlement> records) {
    return records.stream()
        .map(
            s ->
                new ExpectedSettlement(
                    s.getClaimId(),
                    s.getAgentId(),
                    s.getPropositionId(),
                    s.getAmount(),
                    s.getInformationGain(),
                    s.getLogScore(),
                    s.getBrierScore()))
        .toList();
  }
}
