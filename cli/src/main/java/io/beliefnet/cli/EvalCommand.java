package io.beliefnet.cli;

import io.beliefnet.model.eval.AskReplay;
import io.beliefnet.model.eval.EvaluationHarness;
import io.beliefnet.model.eval.EvaluationOptions;
import io.beliefnet.model.eval.LabelDataset;
import io.beliefnet.model.eval.MethodResult;
import io.beliefnet.model.eval.SeedSweep;
import io.beliefnet.model.eval.SparseWorld;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code belief eval}: the belief model against majority vote and batch Dawid–Skene on a dataset.
 */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Replays a dataset (answer.csv + truth.csv, or forecasts.csv + truth.csv) as a stream and"
          + " prints one line per method: method=<name> accuracy= brier= logloss= ece= scored=.",
      "With --runs R > 1, labelled data is replayed with seeds N to N+R-1: the lines give each"
          + " method's mean, then one 'compare' line per baseline with the model's mean accuracy"
          + " difference, its standard error and in how many runs the model did at least as well.",
      "With --ask B, labelled data is replayed as if every answer had to be asked for, with a"
          + " budget of B times its answers: asking by expected loss reduction against asking at"
          + " random, over --runs seeds."
    })
final class EvalCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @ArgGroup(multiplicity = "1")
  Source source;

  /** What to replay: a data set on disk, or a seeded synthetic one. */
  static final class Source {
    @Option(names = "--data", required = true, description = "Dataset folder.")
    Path data;

    @Option(
        names = "--sparse-world",
        required = true,
        description =
            "Instead of a folder, the seeded synthetic sparse labelling task: 600 questions, 4"
                + " outcomes with a skewed base rate, 3 answers each from 150 workers, 30%% of"
                + " them answering at random (the world's seed is --seed).")
    boolean sparseWorld;
  }

  @Mixin StreamOptions stream;

  @Option(
      names = "--runs",
      defaultValue = "1",
      description = "Consecutive seeds to replay, from --seed (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(
      names = "--ask",
      paramLabel = "BUDGET",
      description =
          "Share of the data's answers the network may ask for (0 to 1): an answer is seen only"
              + " when its worker is asked about its question.")
  Double askBudget;

  @Override
  public Integer call() throws Exception {
    if (runs < 1) {
      throw new ParameterException(spec.commandLine(), "--runs " + runs + " must be at least 1");
    }
    EvaluationOptions options = stream.toEvaluationOptions(spec);
    if (source.sparseWorld) {
      if (askBudget != null) {
        throw new ParameterException(
            spec.commandLine(), "--ask replays a data set's answers: give it with --data");
      }
      print(SparseWorld.evaluate(options, runs));
      return 0;
    }
    Path data = source.data;
    if (!Files.isDirectory(data)) {
      throw new ParameterException(spec.commandLine(), "--data " + data + " is not a folder");
    }
    List<String> lines;
    try {
      if (askBudget != null) {
        if (!Files.exists(data.resolve("answer.csv"))) {
          throw new IllegalArgumentException(
              "--ask replays workers' answers, and " + data + " holds no answer.csv");
        }
        lines = AskReplay.sweep(LabelDataset.read(data), askBudget, options.seed(), runs).lines();
      } else {
        lines =
            runs == 1
                ? EvaluationHarness.run(data, options).stream().map(MethodResult::toLine).toList()
                : SeedSweep.run(data, options, runs).lines();
      }
    } catch (IllegalArgumentException e) {
      // a folder in the wrong format, or --runs on forecast data: a usage error, not a crash
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    print(lines);
    return 0;
  }

  private void print(List<String> lines) {
    lines.forEach(spec.commandLine().getOut()::println);
    spec.commandLine().getOut().flush();
  }
}
