package io.beliefnet.pipeline;

import static io.beliefnet.pipeline.BeliefJobParityIT.BELIEF_TOLERANCE;
import static io.beliefnet.pipeline.BeliefJobParityIT.FINAL_BELIEF_TOLERANCE;
import static io.beliefnet.pipeline.BeliefJobParityIT.RELIABILITY_TOLERANCE;
import static io.beliefnet.pipeline.BeliefJobParityIT.SETTLEMENT_TOLERANCE;
import static org.assertj.core.api.Assertions.assertThat;

import io.beliefnet.pipeline.ModelReplay.ExpectedReliability;
import io.beliefnet.pipeline.ModelReplay.ExpectedSettlement;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How far the timing of feedback alone moves what the job publishes, without Flink: the scripted
 * worlds replayed with feedback held and delivered to each domain every n events, or after each
 * event with chance 1/n, for n up to {@value #LONGEST_LAG}, against the replay with feedback at
 * once. The exact parts of the consistency model stay exact; the numbers stay within the tolerances
 * the job's parity, recovery and upgrade tests hold it to, which is what makes them honest.
 */
class FeedbackLagTest {

  private static final int LONGEST_LAG = 40;
  private static final int RANDOM_SCHEDULES = 5;

  @ParameterizedTest(name = "script {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 42})
  void feedbackTimingChangesNumbersWithinTheTolerancesAndNothingElse(long seed) {
    List<ScriptedEvent> script = ScriptedWorld.script(seed);
    ModelReplay atOnce = ModelReplay.of(script);
    List<String> shapes = atOnce.beliefs.stream().map(ParityViews::shape).toList();
    Map<String, ExpectedSettlement> settledAtOnce = ParityViews.byClaim(atOnce.settlements);
    Map<String, ExpectedReliability> finalAtOnce =
        ParityViews.lastPerAgentAndDomain(atOnce.reliabilities);
    double[] largest = new double[4];
    for (int lag = 2; lag <= LONGEST_LAG; lag++) {
      Random random = new Random(seed * LONGEST_LAG + lag);
      for (int schedule = 0; schedule <= RANDOM_SCHEDULES; schedule++) {
        int n = lag;
        ModelReplay lagged =
            ModelReplay.lagged(
                script,
                schedule == 0
                    ? (event, domain) -> (event + 1) % n == 0
                    : (event, domain) -> random.nextInt(n) == 0);

        assertThat(lagged.beliefs).extracting(ParityViews::shape).isEqualTo(shapes);
        assertThat(lagged.rejected).isEqualTo(atOnce.rejected);
        Map<String, ExpectedSettlement> settled = ParityViews.byClaim(lagged.settlements);
        assertThat(settled.keySet()).isEqualTo(settledAtOnce.keySet());
        largest[0] = Math.max(largest[0], ParityViews.beliefGap(lagged.beliefs, atOnce.beliefs));
        largest[1] =
            Math.max(
                largest[1], ParityViews.finalBeliefGap(lagged.finalBeliefs, atOnce.finalBeliefs));
        largest[2] =
            Math.max(
                largest[2],
                ParityViews.largestGap(
                    settled, settledAtOnce, ExpectedSettlement::informationGain));
        largest[3] =
            Math.max(
                largest[3],
                ParityViews.largestGap(
                    ParityViews.lastPerAgentAndDomain(lagged.reliabilities),
                    finalAtOnce,
                    ExpectedReliability::accuracy));
      }
    }
    System.out.printf(
        "feedback lag script=%d max_probability_gap=%.3f max_final_probability_gap=%.3f"
            + " max_information_gain_gap=%.3f max_accuracy_gap=%.3f%n",
        seed, largest[0], largest[1], largest[2], largest[3]);
    assertThat(largest[0]).isLessThanOrEqualTo(BELIEF_TOLERANCE);
    assertThat(largest[1]).isLessThanOrEqualTo(FINAL_BELIEF_TOLERANCE);
    assertThat(largest[2]).isLessThanOrEqualTo(SETTLEMENT_TOLERANCE);
    assertThat(largest[3]).isLessThanOrEqualTo(RELIABILITY_TOLERANCE);
  }
}
