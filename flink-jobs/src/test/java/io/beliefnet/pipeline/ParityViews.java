package io.beliefnet.pipeline;

import io.beliefnet.avro.AgentReliability;
import io.beliefnet.avro.Belief;
import io.beliefnet.avro.Rejected;
import io.beliefnet.avro.Settlement;
import io.beliefnet.pipeline.ModelReplay.ExpectedBelief;
import io.beliefnet.pipeline.ModelReplay.ExpectedReliability;
import io.beliefnet.pipeline.ModelReplay.ExpectedSettlement;
import io.beliefnet.topics.Topic;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/** The job's output seen the way {@link ModelReplay} states its expectations. */
final class ParityViews {

  private ParityViews() {}

  /**
   * The beliefs emitted for the event they are about, in event order: for each event of the script,
   * the first version published for its proposition at its time (a re-stamp may publish the same
   * proposition again at the same time, later).
   */
  static List<ExpectedBelief> directBeliefs(List<Belief> beliefs, List<ScriptedEvent> script) {
    Set<String> events =
        script.stream().map(e -> e.key() + "@" + e.timestamp()).collect(Collectors.toSet());
    Map<String, Belief> first = new HashMap<>();
    for (Belief belief : beliefs) {
      String event = belief.getPropositionId() + "@" + belief.getUpdatedAt().toEpochMilli();
      if (events.contains(event)) {
        first.merge(event, belief, (a, b) -> a.getVersion() <= b.getVersion() ? a : b);
      }
    }
    return first.values().stream()
        .sorted(Comparator.comparing(Belief::getUpdatedAt).thenComparing(Belief::getPropositionId))
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

  /** What of a belief does not depend on when feedback arrived: which event, claims, outcome. */
  static String shape(ExpectedBelief belief) {
    return belief.propositionId()
        + "@"
        + belief.eventTime()
        + " claims="
        + belief.claimCount()
        + " outcome="
        + belief.resolvedOutcome();
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

  /** Settlements by claim id and, for a claim settled again by a correction, its turn. */
  static Map<String, ExpectedSettlement> byClaim(List<ExpectedSettlement> settlements) {
    Map<String, ExpectedSettlement> byClaim = new LinkedHashMap<>();
    Map<String, Integer> turns = new HashMap<>();
    for (ExpectedSettlement settlement : settlements) {
      int turn = turns.merge(settlement.claimId(), 1, Integer::sum);
      byClaim.put(settlement.claimId() + "#" + turn, settlement);
    }
    return byClaim;
  }

  /** The largest difference in any probability between beliefs published for the same events. */
  static double beliefGap(List<ExpectedBelief> beliefs, List<ExpectedBelief> expected) {
    double gap = 0;
    for (int i = 0; i < beliefs.size(); i++) {
      gap =
          Math.max(
              gap, probabilityGap(beliefs.get(i).probabilities(), expected.get(i).probabilities()));
    }
    return gap;
  }

  /**
   * Where {@link #beliefGap} is found: the job's belief and the replay's, for a failure message.
   */
  static String largestBeliefGapAt(List<ExpectedBelief> beliefs, List<ExpectedBelief> expected) {
    int at = 0;
    for (int i = 1; i < beliefs.size(); i++) {
      if (probabilityGap(beliefs.get(i).probabilities(), expected.get(i).probabilities())
          > probabilityGap(beliefs.get(at).probabilities(), expected.get(at).probabilities())) {
        at = i;
      }
    }
    return beliefs.isEmpty() ? "no belief" : beliefs.get(at) + " against " + expected.get(at);
  }

  /** The largest difference between two distributions' probabilities. */
  static double probabilityGap(List<Double> a, List<Double> b) {
    double gap = 0;
    for (int k = 0; k < a.size(); k++) {
      gap = Math.max(gap, Math.abs(a.get(k) - b.get(k)));
    }
    return gap;
  }

  /** The largest difference in any probability of a proposition's last belief. */
  static double finalBeliefGap(Map<String, List<Double>> job, Map<String, List<Double>> replay) {
    double gap = 0;
    for (Map.Entry<String, List<Double>> replayed : replay.entrySet()) {
      gap = Math.max(gap, probabilityGap(job.get(replayed.getKey()), replayed.getValue()));
    }
    return gap;
  }

  /** The largest difference in {@code value} between the job's and the replay's, key by key. */
  static <T> double largestGap(
      Map<String, T> job, Map<String, T> replay, ToDoubleFunction<T> value) {
    double gap = 0;
    for (String key : replay.keySet()) {
      gap =
          Math.max(
              gap,
              Math.abs(value.applyAsDouble(job.get(key)) - value.applyAsDouble(replay.get(key))));
    }
    return gap;
  }

  static Map<String, ExpectedReliability> lastPerAgentAndDomain(
      List<ExpectedReliability> published) {
    Map<String, ExpectedReliability> last = new LinkedHashMap<>();
    for (ExpectedReliability reliability : published) {
      last.put(reliability.agentId() + "|" + reliability.domain(), reliability);
    }
    return last;
  }

  /** How far a run has come towards the outputs the replay predicts, for a failure message. */
  static String progress(PipelineRun run, List<ScriptedEvent> script, ModelReplay expected) {
    return String.format(
        "job %s; beliefs %d/%d, settlements %d/%d, rejected %s (expected %d)",
        run.job().getJobStatus().join(),
        directBeliefs(run.committed(Topic.BELIEFS, Belief.class), script).size(),
        expected.beliefs.size(),
        run.committed(Topic.SETTLEMENTS, Settlement.class).size(),
        expected.settlements.size(),
        run.committed(Topic.REJECTED, Rejected.class).stream()
            .map(r -> r.getReasonCode() + " " + r.getReason())
            .toList(),
        expected.rejected);
  }
}
