package io.beliefnet.model.eval;

import io.beliefnet.model.ModelParameters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures the model against baselines on any folder in the shared data-set format, detected by the
 * files present: {@code answer.csv} + {@code truth.csv} (labels) or {@code forecasts.csv} + {@code
 * truth.csv} (forecasts).
 *
 * <p>Labels: methods {@code model} (the streamed replay of {@link LabelReplay}), {@code majority},
 * {@code dawid-skene} (batch EM with no truth known), {@code dawid-skene-labelled} (batch EM with
 * the revealed questions' truth clamped: what the batch method makes of the same outcomes) and
 * {@code dawid-skene-oracle} (the reference ceiling of {@link DawidSkeneOracle}: every other
 * question's truth known) and {@code one-coin} (batch EM with one accuracy per worker, no truth
 * known), all scored on the same hidden questions. Forecasts: {@code model}, {@code mean}, {@code
 * logodds-mean} and the hindsight reference {@code logodds-recalibrated-cv} (see {@link
 * ForecastReplay}).
 */
public final class EvaluationHarness {
  private EvaluationHarness() {}

  /** Runs every method on the data set in {@code directory}. */
  public static List<MethodResult> run(Path directory, EvaluationOptions options) {
    return run(directory, options, ModelParameters.defaults());
  }

  public static List<MethodResult> run(
      Path directory, EvaluationOptions options, ModelParameters parameters) {
    if (!Files.isDirectory(directory)) {
      throw new IllegalArgumentException(directory + " is not a directory: pass a data-set folder");
    }
    if (Files.exists(directory.resolve("answer.csv"))
        && Files.exists(directory.resolve("truth.csv"))) {
      return runLabels(LabelDataset.read(directory), options, parameters);
    }
    if (Files.exists(directory.resolve("forecasts.csv"))
        && Files.exists(directory.resolve("truth.csv"))) {
      return ForecastReplay.run(ForecastDataset.read(directory), parameters);
    }
    throw new IllegalArgumentException(
        directory
            + " holds neither answer.csv + truth.csv nor forecasts.csv + truth.csv: "
            + "see the data-set README for the formats");
  }

  static List<MethodResult> runLabels(
      LabelDataset data, EvaluationOptions options, ModelParameters parameters) {
    LabelReplay.Result replay = LabelReplay.run(data, options, parameters);
    return List.of(
        score("model", replay.beliefs(), replay, data),
        score("majority", MajorityVote.predict(data), replay, data),
        score("dawid-skene", BatchDawidSkene.predict(data), replay, data),
        score(
            "dawid-skene-labelled",
            BatchDawidSkene.predict(data, revealedTruth(data, options)),
            replay,
            data),
        score("dawid-skene-oracle", DawidSkeneOracle.predict(data), replay, data),
        score(
            "one-coin",
            BatchDawidSkene.predict(data, Map.of(), BatchDawidSkene.WorkerModel.ONE_COIN),
            replay,
            data),
        score(
            "mace",
            BatchDawidSkene.predict(data, Map.of(), BatchDawidSkene.WorkerModel.MACE),
            replay,
            data));
  }

  private static Map<String, Integer> revealedTruth(LabelDataset data, EvaluationOptions options) {
    Map<String, Integer> truth = new HashMap<>();
    for (String question : LabelReplay.revealed(data, options)) {
      truth.put(question, data.truth().get(question));
    }
    return truth;
  }

  private static MethodResult score(
      String method,
      Map<String, double[]> predictions,
      LabelReplay.Result replay,
      LabelDataset data) {
    ScoreAccumulator accumulator = new ScoreAccumulator(method);
    for (String question : replay.hidden()) {
      accumulator.add(predictions.get(question), data.truth().get(question));
    }
    return accumulator.result();
  }
}
