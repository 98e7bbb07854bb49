package io.beliefnet.cli;

import io.beliefnet.avro.Belief;
import io.beliefnet.sdk.BeliefClient;
import io.beliefnet.sdk.BeliefTable;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code belief get belief P --domain D}: reads the network's current state of one thing. */
@Command(
    name = "get",
    mixinStandardHelpOptions = true,
    description = "Prints the current state of one thing as JSON.",
    subcommands = GetCommand.GetBelief.class)
final class GetCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "say what to get: belief <proposition>");
  }

  /** {@code belief get belief P --domain D}: the latest committed belief about a proposition. */
  @Command(
      name = "belief",
      mixinStandardHelpOptions = true,
      description =
          "Reads topic beliefs to its end and prints the latest belief about the proposition; exit code 1 if there is none.")
  static final class GetBelief implements Callable<Integer> {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Mixin NetworkOptions network;

    @Parameters(index = "0", description = "Id of the proposition.")
    String proposition;

    @Option(
        names = "--domain",
        required = true,
        description = "Domain of the proposition: one id in two domains names two propositions.")
    String domain;

    @Override
    public Integer call() {
      try (BeliefClient client = network.client();
          BeliefTable beliefs = client.subscribeBeliefs()) {
        beliefs.awaitCurrent(PATIENCE);
        Optional<Belief> belief = beliefs.get(domain, proposition);
        if (belief.isEmpty()) {
          System.err.println(
              "belief: no belief about "
                  + proposition
                  + " in domain "
                  + domain
                  + " on topic beliefs; a belief appears once the job"
                  + " has applied a claim on it (see 'belief tail rejected' if a claim was refused)");
          return 1;
        }
        System.out.println(belief.get());
        return 0;
      }
    }
  }
}
