package io.beliefnet.cli;

import io.beliefnet.model.eval.EvaluationOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** How a data set is streamed, shared by {@code eval} and {@code replay} so both see one stream. */
final class StreamOptions {

  @Option(
      names = "--reveal",
      defaultValue = "0",
      description =
          "Fraction of propositions whose outcome streams in after their claims (default: ${DEFAULT-VALUE}); the rest are scored at the end.")
  double reveal;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Seed of the reveal draw and shuffle (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--shuffle",
      description = "Stream claims in a seeded random order instead of the file's.")
  boolean shuffle;

  /** The options, or a one-line usage error from {@code spec}'s command. */
  EvaluationOptions toEvaluationOptions(CommandSpec spec) {
    if (!(reveal >= 0 && reveal <= 1)) {
      throw new ParameterException(spec.commandLine(), "--reveal " + reveal + " must be in [0, 1]");
    }
    return new EvaluationOptions(reveal, seed, shuffle);
  }
}
