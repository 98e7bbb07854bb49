package io.beliefnet.model.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationHarnessTest {

  /** A small crowd: 60 items, 3 labels, 8 workers of mixed quality, labels as text. */
  static void writeLabelDataset(Path dir) throws IOException {
    Random random = new Random(3);
    String[] labels = {"cat", "dog", "fox"};
    StringBuilder answers = new StringBuilder("question,worker,answer\n");
    StringBuilder truth = new StringBuilder("question,truth\n");
    for (int q = 0; q < 60; q++) {
      int t = random.nextInt(3);
      truth.append("q").append(q).append(',').append(labels[t]).append('\n');
      for (int w = 0; w < 8; w++) {
        double accuracy = w < 3 ? 0.9 : 0.5;
        int label = random.nextDouble() < accuracy ? t : random.nextInt(3);
        answers
            .append("q")
            .append(q)
            .append(",w")
            .append(w)
            .append(',')
            .append(labels[label])
            .append('\n');
      }
    }
    Files.writeString(dir.resolve("answer.csv"), answers);
    Files.writeString(dir.resolve("truth.csv"), truth);
  }

  @Test
  void labelDatasetGetsOneLinePerMethodInTheAgreedFormat(@TempDir Path dir) throws IOException {
    writeLabelDataset(dir);

    List<MethodResult> results = EvaluationHarness.run(dir, EvaluationOptions.of(0.2, 7));

    assertThat(results)
        .extracting(MethodResult::method)
        .containsExactly(
            "model",
            "majority",
            "dawid-skene",
            "dawid-skene-labelled",
            "dawid-skene-oracle",
            "one-coin",
            "mace");
    assertThat(results).allSatisfy(r -> assertThat(r.scored()).isEqualTo(48));
    assertThat(results.get(0).toLine())
        .matches(
            "method=model accuracy=[0-9.]+ brier=[0-9.]+ logloss=[0-9.]+ ece=[0-9.]+ scored=48");
    assertThat(results.get(0).accuracy()).isGreaterThanOrEqualTo(results.get(1).accuracy());
  }

  @Test
  void seededShuffleIsReproducible(@TempDir Path dir) throws IOException {
    writeLabelDataset(dir);
    EvaluationOptions options = new EvaluationOptions(0.2, 11, true);

    assertThat(EvaluationHarness.run(dir, options)).isEqualTo(EvaluationHarness.run(dir, options));
  }

  @Test
  void forecastDatasetIsScoredJustBeforeEachOutcome(@TempDir Path dir) throws IOException {
    StringBuilder forecasts = new StringBuilder("question,worker,time,probability\n");
    StringBuilder truth = new StringBuilder("question,truth,resolved_at,opened_at\n");
    Random random = new Random(5);
    for (int q = 0; q < 80; q++) {
      int t = random.nextInt(2);
      String day = String.format("2010-01-%02d", 1 + q % 28);
      forecasts
          .append(q)
          .append(",sharp,")
          .append(day)
          .append(" 01:00:00+00:00,")
          .append(t == 1 ? 0.8 : 0.2)
          .append('\n');
      forecasts.append(q).append(",coin,").append(day).append(" 02:00:00+00:00,0.5\n");
      truth
          .append(q)
          .append(',')
          .append(t)
          .append(',')
          .append(day)
          .append(" 12:00:00+00:00,")
          .append(day)
          .append(" 00:00:00+00:00\n");
    }
    Files.writeString(dir.resolve("forecasts.csv"), forecasts);
    Files.writeString(dir.resolve("truth.csv"), truth);

    List<MethodResult> results = EvaluationHarness.run(dir, EvaluationOptions.of(0, 1));

    assertThat(results)
        .extracting(MethodResult::method)
        .containsExactly("model", "mean", "logodds-mean", "logodds-recalibrated-cv");
    assertThat(results.get(0).scored()).isEqualTo(80);
    assertThat(results.get(0).brier()).isLessThan(results.get(1).brier());
  }

  @Test
  void folderInAnUnknownFormatIsRejectedSayingWhatIsExpected(@TempDir Path dir) {
    assertThatThrownBy(() -> EvaluationHarness.run(dir, EvaluationOptions.of(0, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("answer.csv + truth.csv");
  }
}
