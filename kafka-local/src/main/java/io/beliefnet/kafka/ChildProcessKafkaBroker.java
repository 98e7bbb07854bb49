package io.beliefnet.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker in KRaft mode ({@code process.roles=broker,controller}), run from
 * Kafka's own jars in a child JVM on 127.0.0.1. The broker's class path is resolved at build time
 * from Maven Central ({@code kafka-server.classpath}), so nothing has to be installed.
 *
 * <p>{@link #start(Path)} runs it open, as tests and the local stack need it; {@link #start(Path,
 * SecureBrokerSettings)} runs it with SASL/SCRAM authentication and ACLs.
 *
 * <p>The broker's log goes to {@code <workDir>/broker.log}. A JVM shutdown hook stops the child if
 * the parent exits without closing it.
 */
public final class ChildProcessKafkaBroker implements KafkaBroker {

  private static final Logger LOG = LoggerFactory.getLogger(ChildProcessKafkaBroker.class);
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(20);
  private static final String BROKER_HEAP = "-Xmx512m";

  private final Process process;
  private final String bootstrapServers;
  private final Thread shutdownHook;

  private ChildProcessKafkaBroker(Process process, String bootstrapServers) {
    this.process = process;
    this.bootstrapServers = bootstrapServers;
    this.shutdownHook = new Thread(this::stopProcess, "kafka-broker-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Formats a fresh log directory under {@code workDir} and starts the broker on free loopback
   * ports, returning once it accepts connections. Clients connect over PLAINTEXT and may do
   * anything.
   *
   * @throws IllegalStateException if the broker does not come up within 90 s; its log says why
   */
  public static ChildProcessKafkaBroker start(Path workDir) {
    return start(workDir, 0);
  }

  /** As {@link #start(Path)}, listening on {@code port} if it is free (0: any free port). */
  public static ChildProcessKafkaBroker start(Path workDir, int port) {
    return start(workDir, port, "PLAINTEXT", List.of(), List.of());
  }

  /**
   * As {@link #start(Path)}, but clients must authenticate with SASL/SCRAM as one of {@code
   * security}'s users (over SASL_PLAINTEXT, see {@link SecureBrokerSettings#clientConfig}) and may
   * do only what ACLs allow them.
   */
  public static ChildProcessKafkaBroker start(Path workDir, SecureBrokerSettings security) {
    return start(
        workDir,
        0,
        SecureBrokerSettings.PROTOCOL,
        security.serverProperties(),
        security.formatArguments());
  }

  private static ChildProcessKafkaBroker start(
      Path workDir,
      int port,
      String protocol,
      List<String> securityProperties,
      List<String> formatExtras) {
    try {
      Files.createDirectories(workDir);
      int brokerPort = LoopbackPorts.preferred(port);
      int controllerPort = LoopbackPorts.free();
      Path config = workDir.resolve("server.properties");
      Files.writeString(
          config,
          serverProperties(workDir, protocol, brokerPort, controllerPort, securityProperties));
      Path log = workDir.resolve("broker.log");

      List<String> format =
          new ArrayList<>(
              List.of(
                  "kafka.tools.StorageTool",
                  "format",
                  "-t",
                  Uuid.randomUuid().toString(),
                  "-c",
                  config.toString(),
                  // Flink's Kafka sink cannot yet recover every pending commit under transaction
                  // protocol v2 (FLINK-40689): a crash right after a checkpoint could lose its
                  // output
                  "--feature",
                  "transaction.version=1"));
      format.addAll(formatExtras);
      runToCompletion(format, log);
      Process broker = launch(List.of("kafka.Kafka", config.toString()), log);
      String bootstrap = "127.0.0.1:" + brokerPort;
      ChildProcessKafkaBroker started = new ChildProcessKafkaBroker(broker, bootstrap);
      started.awaitPort(brokerPort, log);
      LOG.info("Kafka broker up at {} over {} (log: {})", bootstrap, protocol, log);
      return started;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the broker's directory " + workDir, e);
    }
  }

  @Override
  public String bootstrapServers() {
    return bootstrapServers;
  }

  @Override
  public Duration cpuTime() {
    return process.info().totalCpuDuration().orElse(Duration.ZERO);
  }

  @Override
  public void close() {
    stopProcess();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // the hook is running or has run; nothing left to undo
    }
  }

  private void stopProcess() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy(); // SIGTERM: controlled shutdown
    try {
      if (!process.waitFor(SHUTDOWN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private void awaitPort(int port, Path log) {
    long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Kafka broker exited with code "
                + process.exitValue()
                + " during start-up; see "
                + log);
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
        return;
      } catch (IOException notYet) {
        sleep(Duration.ofMillis(200));
      }
    }
    stopProcess();
    throw new IllegalStateException(
        "Kafka broker did not open port " + port + " within " + STARTUP_TIMEOUT + "; see " + log);
  }

  private static String serverProperties(
      Path workDir,
      String protocol,
      int brokerPort,
      int controllerPort,
      List<String> securityProperties) {
    List<String> lines =
        new ArrayList<>(
            List.of(
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners="
                    + protocol
                    + "://127.0.0.1:"
                    + brokerPort
                    + ",CONTROLLER://127.0.0.1:"
                    + controllerPort,
                "advertised.listeners=" + protocol + "://127.0.0.1:" + brokerPort,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=" + protocol,
                "listener.security.protocol.map="
                    + protocol
                    + ":"
                    + protocol
                    + ",CONTROLLER:PLAINTEXT",
                "log.dirs=" + workDir.resolve("data").toAbsolutePath(),
                "num.partitions=1",
                "auto.create.topics.enable=false",
                // a single node cannot replicate internal topics
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                // the machine is small: few threads, internal partitions and small segments
                "offsets.topic.num.partitions=4",
                "transaction.state.log.num.partitions=4",
                "num.network.threads=2",
                "num.io.threads=2",
                "log.segment.bytes=16777216"));
    lines.addAll(securityProperties);
    lines.add("");
    return String.join("\n", lines);
  }

  private static void runToCompletion(List<String> mainAndArgs, Path log) throws IOException {
    Process process = launch(mainAndArgs, log);
    try {
      if (!process.waitFor(STARTUP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
          || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "Kafka command " + mainAndArgs + " failed; the end of " + log + ":\n" + tail(log));
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + mainAndArgs, e);
    }
  }

  /** The last lines of {@code log}, so that a failure says why even after its folder is gone. */
  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  private static Process launch(List<String> mainAndArgs, Path log) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add(BROKER_HEAP);
    command.add("-XX:+UseSerialGC");
    command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    command.add("-cp");
    command.add(brokerClassPath());
    command.addAll(mainAndArgs);
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
  }

  private static String brokerClassPath() throws IOException {
    try (InputStream in =
        ChildProcessKafkaBroker.class.getResourceAsStream("kafka-server.classpath")) {
      if (in == null) {
        throw new IllegalStateException(
            "kafka-server.classpath is missing from the kafka-local jar: rebuild with ./mvnw install");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the broker", e);
    }
  }
}
