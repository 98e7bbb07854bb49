package io.beliefnet.cli;

import io.beliefnet.sdk.BeliefClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code belief world}: the simulated world against a running network, until stopped. */
@Command(
    name = "world",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the simulated world against a running network: registers its agents and the"
          + " development resolver '"
          + LocalStack.RESOLVER
          + "' (whose key anyone can derive: for development networks only; the job must trust"
          + " it with --trust.resolvers), then opens, claims on and resolves propositions every"
          + " tick until stopped."
    })
final class WorldCommand implements Callable<Integer> {

  @Mixin NetworkOptions network;
  @Mixin WorldOptions world;

  @Override
  public Integer call() throws Exception {
    WorldSettings settings = world.settings();
    try (BeliefClient resolver = network.client()) {
      LocalStack.registerResolver(resolver);
    }
    try (SimulatedWorld simulated = new SimulatedWorld(network.client(), settings)) {
      simulated.registerAgents();
      System.out.println(
          "simulated world publishing to "
              + network.bootstrapServers()
              + " every "
              + settings.tick());
      while (!Thread.currentThread().isInterrupted()) {
        Thread.sleep(settings.tick().toMillis());
        simulated.tick();
      }
    }
    return 0;
  }
}
