package io.beliefnet.cli;

import io.beliefnet.sdk.BeliefClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code belief replay}: a data set through the running job, scored beside the model harness. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Streams a data set (answer.csv + truth.csv) into the live topics as signed claims of its"
          + " workers and outcomes of the local stack's resolver, in the order 'belief eval' replays"
          + " it, waits until the job has applied it, and prints the accuracy of the job's final"
          + " beliefs and of the model harness on the same stream:"
          + " live accuracy=<x> scored=<n>, model accuracy=<x> scored=<n>."
    })
final class ReplayCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin NetworkOptions network;

  @Option(
      names = "--data",
      required = true,
      description = "Data set folder with answer.csv and truth.csv.")
  Path data;

  @Mixin StreamOptions stream;

  @Override
  public Integer call() {
    if (!Files.isRegularFile(data.resolve("answer.csv"))
        || !Files.isRegularFile(data.resolve("truth.csv"))) {
      throw new ParameterException(
          spec.commandLine(), "--data " + data + " holds no answer.csv and truth.csv");
    }
    try (BeliefClient client = network.client()) {
      LiveReplay.Scores scores =
          new LiveReplay(
                  client, client.agent(LocalStack.RESOLVER, LocalStack.resolverKey()), System.out)
              .run(data, stream.toEvaluationOptions(spec));
      System.out.printf(
          Locale.ROOT,
          "live accuracy=%.4f scored=%d%n",
          scores.live().accuracy(),
          scores.live().scored());
      System.out.printf(
          Locale.ROOT,
          "model accuracy=%.4f scored=%d%n",
          scores.model().accuracy(),
          scores.model().scored());
      System.out.println(
          scores.accuracyGap() == 0
              ? "the live job and the model harness agree"
              : "the live job and the model harness differ: the job learns from what it applied a"
                  + " checkpoint later (the harness at once), and publishes a belief when an event"
                  + " touches it (a claim, or a re-stamp that moves it by at least 0.001), while the"
                  + " harness reads every hidden belief at the end, under the final base rate");
    }
    return 0;
  }
}
