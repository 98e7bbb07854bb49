package io.beliefnet.dashboard;

import static io.beliefnet.dashboard.Records.belief;
import static io.beliefnet.dashboard.Records.claim;
import static io.beliefnet.dashboard.Records.outcome;
import static io.beliefnet.dashboard.Records.rejected;
import static io.beliefnet.dashboard.Records.reliability;
import static io.beliefnet.dashboard.Records.settlement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.beliefnet.avro.RejectionReason;
import io.beliefnet.dashboard.PropositionTrack.History;
import io.beliefnet.dashboard.PropositionTrack.Summary;
import io.beliefnet.dashboard.ResolutionScores.Scores;
import java.util.List;
import org.junit.jupiter.api.Test;

class DashboardStateTest {

  private final DashboardState state = new DashboardState();

  @Test
  void resolvedPropositionScoresTheLastOpenBeliefAndMajorityVote() {
    // two of three claimants say closed; the network believes open, and open is the truth
    state.apply(claim("p", "a", 0.9));
    state.apply(claim("p", "b", 0.2));
    state.apply(claim("p", "c", 0.3));
    state.apply(belief("p", 1, 0.6, null));
    state.apply(belief("p", 2, 0.8, null));
    List<DashboardEvent> events = state.apply(belief("p", 3, 1.0, "open"));

    assertThat(events).extracting(DashboardEvent::name).containsExactly("belief", "scores");
    Scores scores = (Scores) events.get(1).data();
    assertThat(scores.beliefs().scored()).isEqualTo(1);
    assertThat(scores.beliefs().accuracy()).isEqualTo(1.0);
    // half the squared error summed over outcomes: 0.5 * (0.2² + 0.2²)
    assertThat(scores.beliefs().brier()).isCloseTo(0.04, within(1e-12));
    assertThat(scores.majorityVote().accuracy()).isEqualTo(0.0);
    // vote shares 1/3 open, 2/3 closed: 0.5 * ((2/3)² + (2/3)²)
    assertThat(scores.majorityVote().brier()).isCloseTo(4.0 / 9, within(1e-12));
  }

  @Test
  void anAgentsLatestClaimIsItsOnlyVote() {
    state.apply(claim("p", "a", 0.1));
    state.apply(claim("p", "a", 0.9));
    state.apply(claim("p", "b", 0.2));
    state.apply(belief("p", 1, 0.5, null));
    Scores scores = (Scores) state.apply(belief("p", 2, 0.0, "closed")).get(1).data();

    // one vote each way ties, and a tie goes to the first outcome, which was wrong
    assertThat(scores.majorityVote().accuracy()).isEqualTo(0.0);
    assertThat(scores.majorityVote().brier()).isCloseTo(0.25, within(1e-12));
  }

  @Test
  void aPropositionIsScoredOnceAndOnlyWithABeliefBeforeItsOutcome() {
    state.apply(claim("seen-resolved-only", "a", 0.9));
    assertThat(state.apply(belief("seen-resolved-only", 4, 1.0, "open")))
        .extracting(DashboardEvent::name)
        .containsExactly("belief");

    state.apply(claim("p", "a", 0.9));
    state.apply(belief("p", 1, 0.7, null));
    state.apply(belief("p", 2, 1.0, "open"));
    assertThat(state.apply(belief("p", 3, 1.0, "open")))
        .extracting(DashboardEvent::name)
        .containsExactly("belief");
    assertThat(state.snapshot().scores().beliefs().scored()).isEqualTo(1);
  }

  @Test
  void scoresAreEmptyUntilSomethingResolves() {
    state.apply(belief("p", 1, 0.7, null));

    Scores scores = state.snapshot().scores();
    assertThat(scores.beliefs().scored()).isZero();
    assertThat(scores.beliefs().accuracy()).isNull();
    assertThat(Json.write(scores)).doesNotContain("NaN");
  }

  @Test
  void historyHoldsPointsClaimAndOutcomeMarkers() {
    state.apply(claim("p", "a", 0.2));
    state.apply(belief("p", 1, 0.4, null));
    state.apply(belief("p", 2, 0.3, null));
    state.apply(outcome("p", "closed"));

    History history = state.history("p").orElseThrow();
    assertThat(history.proposition().version()).isEqualTo(2);
    assertThat(history.points())
        .extracting(PropositionTrack.Point::version)
        .containsExactly(1L, 2L);
    assertThat(history.claims())
        .singleElement()
        .satisfies(
            marker -> {
              assertThat(marker.agentId()).isEqualTo("a");
              assertThat(marker.outcome()).isEqualTo("closed");
              assertThat(marker.probability()).isCloseTo(0.8, within(1e-12));
            });
    assertThat(history.outcome().outcome()).isEqualTo("closed");
    assertThat(state.history("unknown")).isEmpty();
  }

  @Test
  void aClaimWithoutAUsableDistributionIsNeitherMarkerNorVote() {
    var tooFew = claim("p", "a", 0.5);
    tooFew.setProbabilities(List.of(1.0));
    var notANumber = claim("p", "b", Double.NaN);

    assertThat(state.apply(tooFew)).isEmpty();
    assertThat(state.apply(notANumber)).isEmpty();
    state.apply(belief("p", 1, 0.5, null));
    assertThat(state.history("p").orElseThrow().claims()).isEmpty();
  }

  @Test
  void keepsABoundedNumberOfPropositionsAndPointsLatestFirst() {
    for (int i = 0; i < PropositionBoard.MAX_PROPOSITIONS + 5; i++) {
      state.apply(belief("p" + i, 1, 0.5, null));
    }
    for (int version = 2; version < PropositionTrack.MAX_POINTS + 10; version++) {
      state.apply(belief("p10", version, 0.5, null));
    }

    List<Summary> propositions = state.snapshot().propositions();
    assertThat(propositions).hasSize(PropositionBoard.MAX_PROPOSITIONS);
    assertThat(propositions.get(0).propositionId()).isEqualTo("p10");
    assertThat(state.history("p0")).isEmpty();
    assertThat(state.history("p10").orElseThrow().points()).hasSize(PropositionTrack.MAX_POINTS);
  }

  @Test
  void leaderboardShowsAgentsWithAReliabilityByReputation() {
    assertThat(state.apply(settlement("a", "p", 0.4))).isEmpty();
    state.apply(reliability("a", 1.5));
    List<DashboardEvent> events = state.apply(reliability("b", 2.5));
    state.apply(settlement("b", "q", -0.1));

    assertThat(events).extracting(DashboardEvent::name).containsExactly("agent");
    List<AgentBoard.Row> rows = state.snapshot().agents();
    assertThat(rows).extracting(AgentBoard.Row::agentId).containsExactly("b", "a");
    assertThat(rows.get(0).lastSettlement()).isEqualTo(-0.1);
    assertThat(rows.get(1).lastSettlement()).isEqualTo(0.4);
    assertThat(rows.get(1).lastSettledProposition()).isEqualTo("p");
  }

  @Test
  void rejectionsAreCountedByReasonWithTheLatestSentence() {
    state.apply(rejected(RejectionReason.BAD_SIGNATURE, "first"));
    state.apply(rejected(RejectionReason.MALFORMED_BYTES, "garbled"));
    List<DashboardEvent> events = state.apply(rejected(RejectionReason.BAD_SIGNATURE, "second"));

    assertThat(events.get(0).data())
        .isEqualTo(new RejectionCounts.Count("BAD_SIGNATURE", 2, "second", "claims"));
    assertThat(state.snapshot().rejections())
        .extracting(RejectionCounts.Count::reasonCode)
        .containsExactly("MALFORMED_BYTES", "BAD_SIGNATURE");
  }
}
