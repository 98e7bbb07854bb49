package io.beliefnet.pipeline;

import io.beliefnet.avro.AgentIdentity;
import io.beliefnet.avro.Claim;
import io.beliefnet.avro.Outcome;
import io.beliefnet.model.DomainNetwork;
import io.beliefnet.model.DomainUpdate;
import io.beliefnet.model.ModelParameters;
import io.beliefnet.model.PropositionPolicy;
import io.beliefnet.model.Reliability;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The belief model's in-memory replay of a script, in the order the job applies it, recording what
 * the job would emit if its feedback arrived at once: the belief of the proposition each applied
 * event is about, each agent's reliability after what it learned, and every settlement. It runs the
 * model's own {@link DomainNetwork}, bookkeeping included; the script is shorter than any
 * retention.
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

  /** The job's default policy, with the retention the scripted worlds fit in. */
  private static final PropositionPolicy PROPOSITIONS =
      new PropositionPolicy(
          ModelInputs.tier(BeliefJobOptions.OPENER_TIER.defaultValue()),
          Duration.ofDays(30),
          Duration.ofDays(30));

  final List<ExpectedBelief> beliefs = new ArrayList<>();
  final List<ExpectedReliability> reliabilities = new ArrayList<>();
  final List<ExpectedSettlement> settlements = new ArrayList<>();

  /** Input records the job should reject. */
  int rejected;

  /** Each proposition's belief once every event is applied: the distribution. */
  final Map<String, List<Double>> finalBeliefs = new TreeMap<>();

  private final Map<String, DomainNetwork> domains = new TreeMap<>();
  private final Map<String, AgentIdentity> agents = new HashMap<>();

  static ModelReplay of(List<ScriptedEvent> script) {
    ModelReplay replay = new ModelReplay();
    script.forEach(replay::apply);
    for (ScriptedEvent event : script) {
      if (event.value() instanceof Claim claim) {
        replay
            .domain(claim.getDomain())
            .belief(claim.getPropositionId())
            .ifPresent(
                belief ->
                    replay.finalBeliefs.put(
                        claim.getPropositionId(), boxed(belief.distribution())));
      }
    }
    replay.beliefs.sort(
        Comparator.comparingLong(ExpectedBelief::eventTime)
            .thenComparing(ExpectedBelief::propositionId));
    return replay;
  }

  private void apply(ScriptedEvent event) {
    if (event.value() instanceof AgentIdentity identity) {
      if (identity.getRevoked()) {
        long since = agents.get(identity.getAgentId()).getRegisteredAt().toEpochMilli();
        domains.values().forEach(domain -> domain.withdraw(identity.getAgentId(), since));
      } else {
        agents.put(identity.getAgentId(), identity);
      }
    } else if (event.value() instanceof Claim claim) {
      DomainUpdate update =
          domain(claim.getDomain())
              .claim(
                  ModelInputs.claimInput(claim, agents.get(claim.getAgentId()), event.timestamp()));
      record(update, claim.getPropositionId(), event.timestamp());
    } else {
      Outcome outcome = (Outcome) event.value();
      DomainUpdate update =
          domain(outcome.getDomain()).resolve(ModelInputs.outcomeInput(outcome, event.timestamp()));
      record(update, outcome.getPropositionId(), event.timestamp());
    }
  }

  private DomainNetwork domain(String name) {
    return domains.computeIfAbsent(
        name, n -> DomainNetwork.inMemory(n, ModelParameters.defaults(), PROPOSITIONS));
  }

  private void record(DomainUpdate update, String propositionId, long eventTime) {
    if (update.refusal().isPresent()) {
      rejected++;
      return;
    }
    if (update.beliefs().isEmpty()) {
      return; // an outcome kept before any claim on its proposition publishes nothing
    }
    DomainUpdate.PublishedBelief published = update.beliefs().get(0);
    io.beliefnet.model.Belief belief = published.belief();
    beliefs.add(
        new ExpectedBelief(
            propositionId,
            eventTime,
            boxed(belief.distribution()),
            belief.effectiveSources(),
            belief.claims(),
            belief.outcome().isPresent()
                ? published.outcomeLabels().get(belief.outcome().getAsInt())
                : null));
    for (Reliability reliability : update.reliabilities()) {
      List<List<Double>> confusion = new ArrayList<>();
      for (double[] row : reliability.confusion()) {
        confusion.add(boxed(row));
      }
      reliabilities.add(
          new ExpectedReliability(
              reliability.agentId(),
              reliability.domain(),
              eventTime,
              reliability.accuracy(),
              confusion,
              reliability.consensusEvidence(),
              reliability.ledger().getSettlementTotal()));
    }
    for (DomainUpdate.PublishedSettlement made : update.settlements()) {
      var settlement = made.settlement();
      settlements.add(
          new ExpectedSettlement(
              made.claimId(),
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
