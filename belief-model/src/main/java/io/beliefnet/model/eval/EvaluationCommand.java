package io.beliefnet.model.eval;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Command line: {@code eval --data DIR [--reveal FRACTION] [--seed N] [--shuffle]} prints one line per
 * method ({@link MethodResult#toLine()}); {@code attacks [--seed N]} prints the synthetic attack
 * table ({@link AttackReport}).
 */
public final class EvaluationCommand {
  private EvaluationCommand() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command; returns the process exit code (0 ok, 2 usage error). */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0) {
      err.println(usage());
      return 2;
    }
    Path data = null;
    double reveal = 0;
    long seed = 1;
    boolean shuffle = false;
    try {
      for (int i = 1; i < args.length; i++) {
        switch (args[i]) {
          case "--data" -> data = Path.of(value(args, ++i));
          case "--reveal" -> reveal = Double.parseDouble(value(args, ++i));
          case "--seed" -> seed = Long.parseLong(value(args, ++i));
          case "--shuffle" -> shuffle = true;
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      List<String> lines;
      if (args[0].equals("eval")) {
        if (data == null) {
          throw new IllegalArgumentException("--data DIR is required");
        }
        lines =
            EvaluationHarness.run(data, new EvaluationOptions(reveal, seed, shuffle)).stream()
                .map(MethodResult::toLine)
                .toList();
      } else if (args[0].equals("attacks")) {
        lines = AttackReport.run(seed).lines();
      } else {
        throw new IllegalArgumentException("unknown command " + args[0]);
      }
      lines.forEach(out::println);
      return 0;
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.println(usage());
      return 2;
    }
  }

  private static String value(String[] args, int index) {
    if (index >= args.length) {
      throw new IllegalArgumentException(args[index - 1] + " needs a value");
    }
    return args[index];
  }

  static String usage() {
    return "usage: eval --data DIR [--reveal FRACTION] [--seed N] [--shuffle] | attacks [--seed N]";
  }
}
