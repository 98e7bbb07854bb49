package io.beliefnet.pipeline;

import io.beliefnet.avro.AgentIdentity;
import io.beliefnet.avro.Claim;
import io.beliefnet.avro.Outcome;
import io.beliefnet.model.BeliefNetwork;
import io.beliefnet.model.ClaimReceipt;
import io.beliefnet.model.Settlement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The belief model's in-memory replay of a script, in the order the job applies it, recording what
 * the job should emit: the belief of the proposition each applied event is about, the claimant's
 * reliability after each applied claim, and every settlement.
 */
final class ModelReplay {

  /** A belief the job emits for the event at {@code eventTime}. */
  record ExpectedBelief(
      String propositionId,
      long eventTime,
      List<Double> probabilities,
      double effectiveSources,
      int claimCount,
      String resolvedOutcome) {}

  /** A reliability the job emits after the claim at {@code eventTime}. */
  record ExpectedReliability(
      String agentId,
      String domain,
      long eventTime,
      double accuracy,
      List<List<Double>> confusion,
      double consensusEvidence,
      double settlementTotal) {}

  /** A settlement the job emits. */
  record ExpectedSettlement(
      String claimId,
      String agentId,
      String propositionId,
      double amount,
      double informationGain,
      double logScore,
      double brierScore) {}

  final List<ExpectedBelief> beliefs = new ArrayList<>();
  final List<ExpectedReliability> reliabilities = new ArrayList<>();
  final List<ExpectedSettlement> settlements = new ArrayList<>();

  /** Input records the job should reject. */
  int rejected;

  private final BeliefNetwork network = new BeliefNetwork();
  private final Map<String, List<String>> outcomesOf = new HashMap<>();
  private final Map<String, String> claimIdOf = new HashMap<>();

  /** When each agent registered its current key. */
  private final Map<String, Long> keySince = new HashMap<>();

  static ModelReplay of(List<ScriptedEvent> script) {
    ModelReplay replay = new ModelReplay();
    script.forEach(replay::apply);
    return replay;
  }

  private void apply(ScriptedEvent event) {
    if (event.value() instanceof AgentIdentity identity) {
      if (identity.getRevoked()) {
        network.revoke(identity.getAgentId(), keySince.get(identity.getAgentId()));
      } else {
        keySince.put(identity.getAgentId(), identity.getRegisteredAt().toEpochMilli());
        network.register(ModelInputs.profile(identity));
      }
    } else if (event.value() instanceof Claim claim) {
      applyClaim(claim, event.timestamp());
    } else {
      applyOutcome((Outcome) event.value(), event.timestamp());
    }
  }

  private void applyClaim(Claim claim, long eventTime) {
    ClaimReceipt receipt = network.claim(ModelInputs.claim(claim));
    if (receipt.status() == ClaimReceipt.Status.STALE
        || receipt.status() == ClaimReceipt.Status.LATE) {
      rejected++;
      return;
    }
    outcomesOf.putIfAbsent(claim.getPropositionId(), claim.getOutcomes());
    claimIdOf.put(claim.getAgentId() + "|" + claim.getPropositionId(), claim.getClaimId());
    expectBelief(claim.getPropositionId(), eventTime);
    var reliability = network.reliability(claim.getAgentId(), claim.getDomain()).orElseThrow();
    List<List<Double>> confusion = new ArrayList<>();
    for (double[] row : reliability.confusion()) {
      confusion.add(boxed(row));
    }
    reliabilities.add(
        new ExpectedReliability(
            claim.getAgentId(),
            claim.getDomain(),
            eventTime,
            reliability.accuracy(),
            confusion,
            reliability.consensusEvidence(),
            reliability.ledger().getSettlementTotal()));
  }

  private void applyOutcome(Outcome outcome, long eventTime) {
    List<String> labels = outcomesOf.get(outcome.getPropositionId());
    if (labels == null) {
      rejected++; // nobody claimed on it: unknown proposition
      return;
    }
    record(
        network.resolve(
            new io.beliefnet.model.Outcome(
                outcome.getPropositionId(),
                labels.indexOf(outcome.getOutcome()),
                outcome.getObservedAt().toEpochMilli())));
    expectBelief(outcome.getPropositionId(), eventTime);
  }

  private void expectBelief(String propositionId, long eventTime) {
    io.beliefnet.model.Belief belief = network.belief(propositionId).orElseThrow();
    List<String> labels = outcomesOf.get(propositionId);
    beliefs.add(
        new ExpectedBelief(
            propositionId,
            eventTime,
            boxed(belief.distribution()),
            belief.effectiveSources(),
            belief.claims(),
            belief.outcome().isPresent() ? labels.get(belief.outcome().getAsInt()) : null));
  }

  private void record(List<Settlement> made) {
    for (Settlement settlement : made) {
      settlements.add(
          new ExpectedSettlement(
              claimIdOf.get(settlement.agentId() + "|" + settlement.propositionId()),
              settlement.agentId(),
              settlement.propositionId(),
              settlement.amount(),
              settlement.informationGain(),
              settlement.logScore(),
              settlement.brier()));
    }
  }

  private static List<Double> boxed(double[] values) {
    List<Double> boxed = new ArrayList<>();
    for (double value : values) {
      boxed.add(value);
    }
    return boxed;
  }
}
