package io.beliefnet.model.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedSweepTest {

  @Test
  void averagesTheRunsAndComparesTheModelRunByRun(@TempDir Path dir) throws IOException {
    EvaluationHarnessTest.writeLabelDataset(dir);
    List<List<MethodResult>> single = new ArrayList<>();
    for (long seed = 7; seed <= 9; seed++) {
      single.add(EvaluationHarness.run(dir, EvaluationOptions.of(0.2, seed)));
    }

    SeedSweep.Result sweep = SeedSweep.run(dir, EvaluationOptions.of(0.2, 7), 3);

    double modelMean = 0;
    double differenceMean = 0;
    int atLeast = 0;
    for (List<MethodResult> run : single) {
      double difference = run.get(0).accuracy() - run.get(2).accuracy();
      modelMean += run.get(0).accuracy() / 3;
      differenceMean += difference / 3;
      atLeast += difference >= 0 ? 1 : 0;
    }
    assertThat(sweep.means())
        .extracting(MethodResult::method)
        .containsExactly(
            "model",
            "majority",
            "dawid-skene",
            "dawid-skene-labelled",
            "dawid-skene-oracle",
            "one-coin",
            "mace");
    assertThat(sweep.means().get(0).accuracy()).isCloseTo(modelMean, within(1e-12));
    assertThat(sweep.means().get(0).scored()).isEqualTo(3 * 48);
    SeedSweep.Comparison againstDawidSkene = sweep.comparisons().get(1);
    assertThat(againstDawidSkene.baseline()).isEqualTo("dawid-skene");
    assertThat(againstDawidSkene.meanDifference()).isCloseTo(differenceMean, within(1e-12));
    assertThat(againstDawidSkene.atLeastBaseline()).isEqualTo(atLeast);
    assertThat(againstDawidSkene.runs()).isEqualTo(3);
    assertThat(sweep.lines()).hasSize(13);
    assertThat(sweep.lines().get(8))
        .matches(
            "compare method=model baseline=dawid-skene accuracy-difference=-?[0-9.]+ standard-error=[0-9.]+ at-least-baseline=[0-3]/3");
  }

  @Test
  void forecastDataHasNoSeedsToSweep(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("forecasts.csv"), "question,worker,time,probability\n");
    Files.writeString(dir.resolve("truth.csv"), "question,truth,resolved_at,opened_at\n");

    assertThatThrownBy(() -> SeedSweep.run(dir, EvaluationOptions.of(0, 1), 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("only labelled data has seeds to sweep");
  }
}
