package io.beliefnet.cli;

import io.beliefnet.model.eval.EvaluationHarness;
import io.beliefnet.model.eval.EvaluationOptions;
import io.beliefnet.model.eval.MethodResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code belief eval}: the belief model against majority vote and batch Dawid–Skene on a dataset. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Replays a dataset (answer.csv + truth.csv, or forecasts.csv + truth.csv) as a stream and"
          + " prints one line per method: method=<name> accuracy= brier= logloss= ece= scored=."
    })
final class EvalCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--data", required = true, description = "Dataset folder.")
  Path data;

  @Option(
      names = "--reveal",
      defaultValue = "0",
      description = "Fraction of propositions whose outcome streams in after their claims (default: ${DEFAULT-VALUE}); the rest are scored at the end.")
  double reveal;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the reveal draw and shuffle (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--shuffle", description = "Stream claims in a seeded random order instead of the file's.")
  boolean shuffle;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(data)) {
      throw new ParameterException(spec.commandLine(), "--data " + data + " is not a folder");
    }
    if (!(reveal >= 0 && reveal <= 1)) {
      throw new ParameterException(spec.commandLine(), "--reveal " + reveal + " must be in [0, 1]");
    }
    for (MethodResult result : EvaluationHarness.run(data, new EvaluationOptions(reveal, seed, shuffle))) {
      System.out.println(result.toLine());
    }
    return 0;
  }
}
