package io.beliefnet.dashboard;

import io.beliefnet.avro.AgentReliability;
import io.beliefnet.avro.Belief;
import io.beliefnet.avro.Claim;
import io.beliefnet.avro.EvidenceRequest;
import io.beliefnet.avro.Outcome;
import io.beliefnet.avro.Rejected;
import io.beliefnet.avro.Settlement;
import io.beliefnet.dashboard.PropositionTrack.History;
import io.beliefnet.dashboard.PropositionTrack.Summary;
import io.beliefnet.dashboard.ResolutionScores.Scores;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/**
 * Everything the page shows, built from the records of the topics, and the events that tell a
 * connected page what changed. Not thread-safe: {@link EventHub} serialises access.
 */
final class DashboardState {

  /** What a page that has just connected needs to draw itself. */
  record Snapshot(
      List<Summary> propositions,
      List<AgentBoard.Row> agents,
      List<RejectionCounts.Count> rejections,
      List<OpenRequests.Open> requests,
      Scores scores) {}

  private final PropositionBoard propositions = new PropositionBoard();
  private final AgentBoard agents = new AgentBoard();
  private final RejectionCounts rejections = new RejectionCounts();
  private final OpenRequests requests = new OpenRequests();

  /** Applies one decoded record of any topic the dashboard follows; returns what changed. */
  List<DashboardEvent> apply(SpecificRecord record) {
    if (record instanceof Belief belief) {
      return propositions.onBelief(belief);
    } else if (record instanceof Claim claim) {
      List<DashboardEvent> events = new ArrayList<>(propositions.onClaim(claim));
      events.addAll(requests.onClaim(claim));
      return events;
    } else if (record instanceof EvidenceRequest request) {
      return requests.onRequest(request);
    } else if (record instanceof Outcome outcome) {
      return propositions.onOutcome(outcome);
    } else if (record instanceof AgentReliability reliability) {
      return agents.onReliability(reliability);
    } else if (record instanceof Settlement settlement) {
      return agents.onSettlement(settlement);
    } else if (record instanceof Rejected rejected) {
      return rejections.onRejected(rejected);
    }
    throw new IllegalArgumentException("the dashboard does not follow " + record.getClass());
  }

  Snapshot snapshot() {
    return new Snapshot(
        propositions.summaries(),
        agents.rows(),
        rejections.counts(),
        requests.list(),
        propositions.scores());
  }

  Optional<History> history(String propositionId) {
    return propositions.history(propositionId);
  }
}
