package io.beliefnet.model.eval;

import io.beliefnet.model.ModelParameters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;

/**
 * The labelled evaluation repeated over consecutive seeds, each choosing other revealed questions
 * (and, with shuffle, another claim order). On a few hundred hidden questions one seed's accuracies
 * differ by a handful of near-tie questions, so a comparison between methods is read from the
 * run-by-run differences: their mean, its standard error, and in how many runs the model did at
 * least as well.
 */
public final class SeedSweep {
  private SeedSweep() {}

  /** The first method against one baseline, paired run by run on accuracy. */
  public record Comparison(
      String method,
      String baseline,
      double meanDifference,
      double standardError,
      int atLeastBaseline,
      int runs) {

    /**
     * {@code compare method=<name> baseline=<name> accuracy-difference=<x> standard-error=<x>
     * at-least-baseline=<k>/<n>}.
     */
    public String toLine() {
      return String.format(
          Locale.ROOT,
          "compare method=%s baseline=%s accuracy-difference=%.4f standard-error=%.4f at-least-baseline=%d/%d",
          method,
          baseline,
          meanDifference,
          standardError,
          atLeastBaseline,
          runs);
    }
  }

  /** Each method's metrics averaged over the runs (scored summed), and the model's comparisons. */
  public record Result(List<MethodResult> means, List<Comparison> comparisons) {
    public List<String> lines() {
      List<String> lines = new ArrayList<>();
      means.forEach(m -> lines.add(m.toLine()));
      comparisons.forEach(c -> lines.add(c.toLine()));
      return lines;
    }
  }

  /**
   * Runs seeds {@code first.seed()} to {@code first.seed() + runs - 1} on the labelled data in
   * {@code directory}.
   */
  public static Result run(Path directory, EvaluationOptions first, int runs) {
    if (runs < 2) {
      throw new IllegalArgumentException("runs is " + runs + ": a sweep needs at least 2 seeds");
    }
    if (!Files.exists(directory.resolve("answer.csv"))) {
      throw new IllegalArgumentException(
          directory
              + " holds no answer.csv: only labelled data has seeds to sweep (forecasts are"
              + " replayed in their one time order)");
    }
    LabelDataset data = LabelDataset.read(directory);
    return run(seed -> data, first, runs);
  }

  /** As above, over the data {@code dataOfSeed} gives for each run's seed. */
  static Result run(LongFunction<LabelDataset> dataOfSeed, EvaluationOptions first, int runs) {
    List<List<MethodResult>> perRun = new ArrayList<>();
    for (int r = 0; r < runs; r++) {
      EvaluationOptions options =
          new EvaluationOptions(first.reveal(), first.seed() + r, first.shuffle());
      perRun.add(
          EvaluationHarness.runLabels(
              dataOfSeed.apply(options.seed()), options, ModelParameters.defaults()));
    }
    return summarize(perRun);
  }

  /**
   * Each method's means over {@code perRun} (one list of results per run, the methods in one
   * order), and the first method compared with each other one.
   */
  public static Result summarize(List<List<MethodResult>> perRun) {
    List<MethodResult> means = new ArrayList<>();
    List<Comparison> comparisons = new ArrayList<>();
    for (int m = 0; m < perRun.get(0).size(); m++) {
      means.add(mean(perRun, m));
      if (m > 0) {
        comparisons.add(compare(perRun, m));
      }
    }
    return new Result(means, comparisons);
  }

  private static MethodResult mean(List<List<MethodResult>> perRun, int method) {
    double accuracy = 0;
    double brier = 0;
    double logLoss = 0;
    double ece = 0;
    int scored = 0;
    for (List<MethodResult> run : perRun) {
      MethodResult result = run.get(method);
      accuracy += result.accuracy() / perRun.size();
      brier += result.brier() / perRun.size();
      logLoss += result.logLoss() / perRun.size();
      ece += result.ece() / perRun.size();
      scored += result.scored();
    }
    return new MethodResult(
        perRun.get(0).get(method).method(), accuracy, brier, logLoss, ece, scored);
  }

  /** Method 0 against {@code baseline}, run by run. */
  private static Comparison compare(List<List<MethodResult>> perRun, int baseline) {
    int runs = perRun.size();
    double[] differences = new double[runs];
    double mean = 0;
    int atLeast = 0;
    for (int r = 0; r < runs; r++) {
      differences[r] = perRun.get(r).get(0).accuracy() - perRun.get(r).get(baseline).accuracy();
      mean += differences[r] / runs;
      if (differences[r] >= 0) {
        atLeast++;
      }
    }
    double squares = 0;
    for (double d : differences) {
      squares += (d - mean) * (d - mean);
    }
    double standardError = Math.sqrt(squares / (runs - 1) / runs);
    return new Comparison(
        perRun.get(0).get(0).method(),
        perRun.get(0).get(baseline).method(),
        mean,
        standardError,
        atLeast,
        runs);
  }
}
