package io.beliefnet.dashboard;

import io.beliefnet.avro.Belief;
import io.beliefnet.avro.Claim;
import io.beliefnet.avro.Outcome;
import io.beliefnet.dashboard.ResolutionScores.Resolution;
import io.beliefnet.model.ProbabilityVectors;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the dashboard keeps of one proposition: its latest belief, a bounded history of beliefs and
 * claims for the chart, the outcome published for it, and one vote per claimant for majority vote.
 */
final class PropositionTrack {

  static final int MAX_POINTS = 300;
  static final int MAX_CLAIM_MARKERS = 200;
  static final int MAX_VOTERS = 10_000;

  /** The latest belief, as the propositions table shows it. */
  record Summary(
      String propositionId,
      String domain,
      List<String> outcomes,
      List<Double> probabilities,
      int claimCount,
      double effectiveSources,
      String resolvedOutcome,
      long version,
      long updatedAt) {

    static Summary of(Belief belief) {
      return new Summary(
          belief.getPropositionId(),
          belief.getDomain(),
          belief.getOutcomes(),
          belief.getProbabilities(),
          belief.getClaimCount(),
          belief.getEffectiveSources(),
          belief.getResolvedOutcome(),
          belief.getVersion(),
          belief.getUpdatedAt().toEpochMilli());
    }
  }

  /** The belief at event time {@code t}, one probability per outcome. */
  record Point(long t, long version, List<Double> probabilities) {

    static Point of(Belief belief) {
      return new Point(
          belief.getUpdatedAt().toEpochMilli(), belief.getVersion(), belief.getProbabilities());
    }
  }

  /** A claim at event time {@code t}: the outcome it favoured most, and the probability it gave. */
  record ClaimMarker(long t, String agentId, String outcome, double probability) {

    static ClaimMarker of(Claim claim) {
      int favoured = ProbabilityVectors.argmax(toArray(claim.getProbabilities()));
      return new ClaimMarker(
          claim.getEventTime().toEpochMilli(),
          claim.getAgentId(),
          claim.getOutcomes().get(favoured),
          claim.getProbabilities().get(favoured));
    }
  }

  /** An outcome published for the proposition (whether or not the job accepted it). */
  record OutcomeMarker(long t, String outcome, String resolverId) {

    static OutcomeMarker of(Outcome outcome) {
      return new OutcomeMarker(
          outcome.getObservedAt().toEpochMilli(), outcome.getOutcome(), outcome.getResolverId());
    }
  }

  /** Everything the chart of one proposition shows. */
  record History(
      Summary proposition, List<Point> points, List<ClaimMarker> claims, OutcomeMarker outcome) {}

  private final Deque<Point> points = new ArrayDeque<>();
  private final Deque<ClaimMarker> claims = new ArrayDeque<>();
  private final Map<String, String> votes = new HashMap<>();
  private Belief latest;
  private Belief lastOpen;
  private OutcomeMarker outcome;
  private boolean scored;

  /**
   * Records a belief. Returns what to score the first time the proposition shows up resolved, if an
   * open belief and at least one vote for its outcomes were seen before.
   */
  Optional<Resolution> record(Belief belief) {
    latest = belief;
    append(points, Point.of(belief), MAX_POINTS);
    if (belief.getResolvedOutcome() == null) {
      lastOpen = belief;
      return Optional.empty();
    }
    if (scored || lastOpen == null) {
      return Optional.empty();
    }
    scored = true;
    int truth = belief.getOutcomes().indexOf(belief.getResolvedOutcome());
    return majority(lastOpen.getOutcomes())
        .filter(shares -> truth >= 0)
        .map(shares -> new Resolution(toArray(lastOpen.getProbabilities()), shares, truth));
  }

  /** Records a claim as a chart marker and as the claimant's vote (its latest claim counts). */
  ClaimMarker record(Claim claim) {
    ClaimMarker marker = ClaimMarker.of(claim);
    append(claims, marker, MAX_CLAIM_MARKERS);
    if (votes.size() < MAX_VOTERS || votes.containsKey(claim.getAgentId())) {
      votes.put(claim.getAgentId(), marker.outcome());
    }
    return marker;
  }

  void record(OutcomeMarker published) {
    outcome = published;
  }

  boolean hasBelief() {
    return latest != null;
  }

  Summary summary() {
    return Summary.of(latest);
  }

  History history() {
    return new History(summary(), List.copyOf(points), List.copyOf(claims), outcome);
  }

  /** Share of the votes per outcome, or empty when no vote names one of {@code outcomes}. */
  private Optional<double[]> majority(List<String> outcomes) {
    double[] shares = new double[outcomes.size()];
    int counted = 0;
    for (String vote : votes.values()) {
      int index = outcomes.indexOf(vote);
      if (index >= 0) {
        shares[index]++;
        counted++;
      }
    }
    if (counted == 0) {
      return Optional.empty();
    }
    for (int k = 0; k < shares.length; k++) {
      shares[k] /= counted;
    }
    return Optional.of(shares);
  }

  private static <T> void append(Deque<T> bounded, T item, int capacity) {
    if (bounded.size() == capacity) {
      bounded.removeFirst();
    }
    bounded.addLast(item);
  }

  private static double[] toArray(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
