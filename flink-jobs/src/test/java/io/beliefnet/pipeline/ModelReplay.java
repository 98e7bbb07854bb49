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
  private final boolean feedbackHeld;

  private ModelReplay(boolean feedbackHeld) {
    this.feedbackHeld = feedbackHeld;
  }

  static ModelReplay of(List<ScriptedEvent> script) {
    ModelReplay replay = new ModelReplay(false);
    script.forEach(replay::apply);
    return replay.finish(script);
  }

  /** When the job's feedback reaches a domain's claimant and domain stages. */
  interface FeedbackDelivery {
    /** True if what {@code domain} held is delivered after the script's {@code event}-th event. */
    boolean after(int event, String domain);
  }

  /**
   * The replay with what propositions teach held, as the job's waits a checkpoint for the feedback
   * topic, and delivered to each domain as {@code delivery} says; what is left, after the script.
   */
  static ModelReplay lagged(List<ScriptedEvent> script, FeedbackDelivery delivery) {
    ModelReplay replay = new ModelReplay(true);
    for (int i = 0; i < script.size(); i++) {
      replay.apply(script.get(i));
      for (Map.Entry<String, DomainNetwork> domain : replay.domains.entrySet()) {
        if (delivery.after(i, domain.getKey())) {
          replay.deliverHeldFeedback(domain.getValue(), script.get(i).timestamp());
        }
      }
    }
    for (DomainNetwork domain : replay.domains.values()) {
      while (domain.holdsFeedback()) {
        replay.deliverHeldFeedback(domain, ScriptedWorld.end(script));
      }
    }
    return replay.finish(script);
  }

  /** Records each proposition's final belief and sorts the beliefs as the job's are compared. */
  private ModelReplay finish(List<ScriptedEvent> script) {
    for (ScriptedEvent event : script) {
      if (event.value() instanceof Claim claim) {
        domain(claim.getDomain())
            .belief(claim.getPropositionId())
            .ifPresent(
                belief -> finalBeliefs.put(claim.getPropositionId(), boxed(belief.distribution())));
      }
    }
    beliefs.sort(
        Comparator.comparingLong(ExpectedBelief::eventTime)
            .thenComparing(ExpectedBelief::propositionId));
    return this;
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
        name,
        n -> {
          DomainNetwork network =
              DomainNetwork.inMemory(n, ModelParameters.defaults(), PROPOSITIONS);
          if (feedbackHeld) {
            network.holdFeedback();
          }
          return network;
        });
  }

  private void deliverHeldFeedback(DomainNetwork domain, long at) {
    recordReliabilities(domain.deliverHeldFeedback(), at);
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
    recordReliabilities(update, eventTime);
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

  private void recordReliabilities(DomainUpdate update, long at) {
    for (Reliability reliability : update.reliabilities()) {
      List<List<Double>> confusion = new ArrayList<>();
      for (double[] row : reliability.confusion()) {
        confusion.add(boxed(row));
      }
      reliabilities.add(
          new ExpectedReliability(
              reliability.agentId(),
              reliability.domain(),
              at,
              reliability.accuracy(),
              confusion,
              reliability.consensusEvidence(),
              reliability.ledger().getSettlementTotal()));
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
