package io.beliefnet.cli;

import io.beliefnet.sdk.BeliefClientException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code bin/belief}: dispatches to one subcommand. */
@Command(
    name = "belief",
    mixinStandardHelpOptions = true,
    version = "belief 0.1.0",
    description = "Live belief updating on Kafka and Flink.",
    subcommands = {
      LocalCommand.class,
      WorldCommand.class,
      DashboardCommand.class,
      RegisterCommand.class,
      ClaimCommand.class,
      OutcomeCommand.class,
      TailCommand.class,
      GetCommand.class,
      ReplayCommand.class,
      EvalCommand.class,
      AttacksCommand.class,
      BenchCommand.class,
      SoakCommand.class
    })
public final class BeliefCli implements Runnable {

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line with its error handling, as {@code bin/belief} runs it. */
  static CommandLine commandLine() {
    return new CommandLine(new BeliefCli())
        .setParameterExceptionHandler(BeliefCli::oneLineError)
        .setExecutionExceptionHandler(BeliefCli::networkError);
  }

  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }

  /** A bad argument gets one line saying what was wrong and where help is, not a usage dump. */
  private static int oneLineError(CommandLine.ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    command
        .getErr()
        .println("belief: " + e.getMessage() + " (see '" + command.getCommandName() + " --help')");
    return command.getCommandSpec().exitCodeOnInvalidInput();
  }

  /**
   * What the network could not do (unreachable, refused, not given) is said in one line, exit code
   * 1; any other exception is a bug and keeps its stack trace.
   */
  private static int networkError(Exception e, CommandLine command, CommandLine.ParseResult parsed)
      throws Exception {
    if (!(e instanceof BeliefClientException || e instanceof LocalEndpoints.NotRunning)) {
      throw e;
    }
    command.getErr().println("belief " + command.getCommandName() + ": " + e.getMessage());
    return 1;
  }
}
