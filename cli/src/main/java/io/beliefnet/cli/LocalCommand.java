package io.beliefnet.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.flink.util.TimeUtils;
import picocli.CommandLine;
import picocli.CommandLine.Command;
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
      defaultValue = "0",
      description =
          "Port of the development schema registry; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int registryPort;

  @Option(
      names = "--seed",
      defaultValue = "7",
      description = "Seed of the simulated world (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--tick",
      defaultValue = "1s",
      converter = DurationConverter.class,
      description = "How often a proposition opens, e.g. 500ms or 2s (default: ${DEFAULT-VALUE}).")
  Duration tick;

  @Option(
      names = "--resolve-after",
      defaultValue = "5",
      description =
          "Ticks a proposition stays open before its outcome (default: ${DEFAULT-VALUE}).")
  int resolveAfter;

  @Option(
      names = "--sybils",
      defaultValue = "12",
      description = "Identities in the sybil ring (default: ${DEFAULT-VALUE}).")
  int sybils;

  @Option(
      names = "--copiers",
      defaultValue = "3",
      description = "Agents that copy the majority (default: ${DEFAULT-VALUE}).")
  int copiers;

  @Option(
      names = "--dashboard-port",
      defaultValue = "8080",
      description =
          "Port of the live dashboard on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int dashboardPort;

  @Override
  public Integer call() throws Exception {
    WorldSettings world = new WorldSettings(seed, tick, resolveAfter, sybils, copiers);
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
    stack.startWorld(world);
    stopped.await();
    return 0;
  }

  /** Reads durations as Flink's options do: 500ms, 2s, 1min. */
  static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      return TimeUtils.parseDuration(value);
    }
  }
}
