package io.beliefnet.cli;

import io.beliefnet.dashboard.DashboardServer;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code belief dashboard}: the live dashboard of a running network, until stopped. */
@Command(
    name = "dashboard",
    mixinStandardHelpOptions = true,
    description = "Serves the live dashboard of a running network until stopped.")
final class DashboardCommand implements Callable<Integer> {

  @Mixin NetworkOptions network;

  @Option(
      names = "--listen",
      defaultValue = "127.0.0.1",
      description =
          "Address to serve the page on; 0.0.0.0 serves every interface (default: ${DEFAULT-VALUE}).")
  String listen;

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "Port of the page; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Override
  public Integer call() throws Exception {
    CountDownLatch stopped = new CountDownLatch(1);
    DashboardServer dashboard =
        DashboardServer.start(
            new InetSocketAddress(listen, port),
            network.bootstrapServers(),
            network.registryUrl(),
            network.topicNames());
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  dashboard.close();
                  stopped.countDown();
                },
                "dashboard-shutdown"));
    System.out.println("dashboard: " + dashboard.url());
    stopped.await();
    return 0;
  }
}
