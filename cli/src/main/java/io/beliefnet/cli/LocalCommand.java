package io.beliefnet.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code belief local}: the whole network on this machine until Ctrl-C. */
@Command(
    name = "local",
    mixinStandardHelpOptions = true,
    description = {
      "Starts a Kafka broker, the development schema registry and the belief job on an embedded"
          + " Flink MiniCluster with RocksDB state, runs a simulated world of agents against it"
          + " (specialists, generalists, copiers, a sybil ring, a staked liar and a stale central"
          + " model), serves a live dashboard on 127.0.0.1, and prints where everything is. Stops"
          + " cleanly on Ctrl-C."
    })
final class LocalCommand implements Callable<Integer> {

  @Option(
      names = "--state-dir",
      defaultValue = LocalEndpoints.DEFAULT_STATE_FOLDER,
      description =
          "Folder for the broker's log, checkpoints and RocksDB state (default: ${DEFAULT-VALUE}); wiped at start.")
  Path stateDir;

  @Option(
      names = "--registry-port",
      defaultValue = "" + LocalStack.REGISTRY_PORT,
      description =
          "Port of the development schema registry, if free (another free one if not); 0 picks any"
              + " free one (default: ${DEFAULT-VALUE}).")
  int registryPort;

  @Mixin WorldOptions world;

  @Option(
      names = "--dashboard-port",
      defaultValue = "" + LocalStack.DASHBOARD_PORT,
      description =
          "Port of the live dashboard on 127.0.0.1, if free (another free one if not); 0 picks any"
              + " free one (default: ${DEFAULT-VALUE}).")
  int dashboardPort;

  @Override
  public Integer call() throws Exception {
    CountDownLatch stopped = new CountDownLatch(1);
    LocalStack stack = LocalStack.start(stateDir.toAbsolutePath(), registryPort, dashboardPort);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("stopping the local stack...");
                  stack.close();
                  stopped.countDown();
                },
                "local-stack-shutdown"));
    stack.printWhereThingsAre(System.out);
    stack.startWorld(world.settings());
    stopped.await();
    return 0;
  }
}
