package io.beliefnet.cli;

import io.beliefnet.model.eval.AttackReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code belief attacks}: the synthetic attack table of the belief model. */
@Command(
    name = "attacks",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the seeded synthetic world (specialists, generalists, copiers, a sybil ring, a staked"
          + " liar, a spam flood) as the attack share grows and prints accuracy of the model and"
          + " of majority vote, and settlements per kind of agent."
    })
final class AttacksCommand implements Callable<Integer> {

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Seed of the world (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() {
    AttackReport.run(seed).lines().forEach(System.out::println);
    return 0;
  }
}
