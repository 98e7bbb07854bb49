package io.beliefnet.dashboard;

import io.beliefnet.avro.Belief;
import io.beliefnet.avro.Claim;
import io.beliefnet.avro.Outcome;
import io.beliefnet.dashboard.PropositionTrack.ClaimMarker;
import io.beliefnet.dashboard.PropositionTrack.History;
import io.beliefnet.dashboard.PropositionTrack.OutcomeMarker;
import io.beliefnet.dashboard.PropositionTrack.Point;
import io.beliefnet.dashboard.PropositionTrack.Summary;
import io.beliefnet.dashboard.ResolutionScores.Scores;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * The propositions the dashboard follows, at most {@link #MAX_PROPOSITIONS}: the one touched
 * longest ago is forgotten first. Scores each proposition when it first shows up resolved.
 */
final class PropositionBoard {

  static final int MAX_PROPOSITIONS = 200;

  /** A belief update: the table's new row and the chart's new point. */
  record BeliefUpdate(Summary proposition, Point point) {}

  /** A claim on the topic, as a chart marker. */
  record ClaimSeen(String propositionId, ClaimMarker marker) {}

  /** An outcome on the topic, as a chart marker. */
  record OutcomeSeen(String propositionId, OutcomeMarker marker) {}

  /** Least recently touched first. */
  private final LinkedHashMap<String, PropositionTrack> tracks = new LinkedHashMap<>();

  private final ResolutionScores scores = new ResolutionScores();

  List<DashboardEvent> onBelief(Belief belief) {
    PropositionTrack track = touch(belief.getPropositionId());
    List<DashboardEvent> events = new ArrayList<>(2);
    Optional<ResolutionScores.Resolution> resolution = track.record(belief);
    BeliefUpdate update = new BeliefUpdate(track.summary(), Point.of(belief));
    events.add(new DashboardEvent("belief", update));
    resolution.ifPresent(
        resolved -> {
          scores.add(resolved);
          events.add(new DashboardEvent("scores", scores.view()));
        });
    return events;
  }

  /** A claim without a usable distribution is the job's to reject, not a marker or a vote. */
  List<DashboardEvent> onClaim(Claim claim) {
    if (!hasDistribution(claim)) {
      return List.of();
    }
    ClaimMarker marker = touch(claim.getPropositionId()).record(claim);
    return List.of(new DashboardEvent("claim", new ClaimSeen(claim.getPropositionId(), marker)));
  }

  private static boolean hasDistribution(Claim claim) {
    return !claim.getOutcomes().isEmpty()
        && claim.getOutcomes().size() == claim.getProbabilities().size()
        && claim.getProbabilities().stream().allMatch(Double::isFinite);
  }

  List<DashboardEvent> onOutcome(Outcome outcome) {
    OutcomeMarker marker = OutcomeMarker.of(outcome);
    touch(outcome.getPropositionId()).record(marker);
    OutcomeSeen seen = new OutcomeSeen(outcome.getPropositionId(), marker);
    return List.of(new DashboardEvent("outcome", seen));
  }

  /** Propositions that have a belief, most recently touched first. */
  List<Summary> summaries() {
    List<Summary> summaries = new ArrayList<>();
    for (PropositionTrack track : tracks.values()) {
      if (track.hasBelief()) {
        summaries.add(track.summary());
      }
    }
    Collections.reverse(summaries);
    return summaries;
  }

  Optional<History> history(String propositionId) {
    return Optional.ofNullable(tracks.get(propositionId))
        .filter(PropositionTrack::hasBelief)
        .map(PropositionTrack::history);
  }

  Scores scores() {
    return scores.view();
  }

  private PropositionTrack touch(String propositionId) {
    PropositionTrack track = tracks.remove(propositionId);
    if (track == null) {
      track = new PropositionTrack();
      if (tracks.size() == MAX_PROPOSITIONS) {
        tracks.remove(tracks.keySet().iterator().next());
      }
    }
    tracks.put(propositionId, track);
    return track;
  }
}
