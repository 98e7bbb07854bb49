package io.beliefnet.cli;

import io.beliefnet.model.eval.EvaluationHarness;
import io.beliefnet.model.eval.EvaluationOptions;
import io.beliefnet.model.eval.MethodResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

  @Mixin StreamOptions stream;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(data)) {
      throw new ParameterException(spec.commandLine(), "--data " + data + " is not a folder");
    }
    for (MethodResult result : EvaluationHarness.run(data, stream.toEvaluationOptions(spec))) {
      System.out.println(result.toLine());
    }
    return 0;
  }
}
