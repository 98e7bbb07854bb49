package io.beliefnet.cli;

import io.beliefnet.avro.IdentityTier;
import io.beliefnet.dashboard.DashboardServer;
import io.beliefnet.kafka.KafkaBroker;
import io.beliefnet.kafka.LoopbackPorts;
import io.beliefnet.kafka.NetworkTopics;
import io.beliefnet.pipeline.BeliefJob;
import io.beliefnet.pipeline.BeliefJobConfig;
import io.beliefnet.pipeline.BeliefJobOptions;
import io.beliefnet.pipeline.RunningJob;
import io.beliefnet.pipeline.kafka.KafkaBeliefJob;
import io.beliefnet.registry.DevSchemaRegistryServer;
import io.beliefnet.registry.HttpSchemaRegistryClient;
import io.beliefnet.registry.SchemaRegistryClient;
import io.beliefnet.sdk.AgentRegistration;
import io.beliefnet.sdk.BeliefClient;
import io.beliefnet.signing.AgentKey;
import io.beliefnet.signing.CanonicalEncoding;
import io.beliefnet.signing.IdentityAuthority;
import io.beliefnet.topics.Topic;
import io.beliefnet.topics.TopicNames;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificData;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The network on one machine: a real Kafka broker (child JVM), the development schema registry and
 * the belief job on an embedded Flink MiniCluster with RocksDB state and incremental checkpoints.
 * The job trusts one resolver, {@link #RESOLVER}, registered at start. Starting returns once every
 * task of the job runs (see {@link RunningJob}). A live dashboard can follow the topics. Closing
 * stops them all.
 */
final class LocalStack implements AutoCloseable {

  static final int PARTITIONS = 2;

  /** Flink's Prometheus reporter, serving every metric of the embedded cluster as text. */
  private static final ConfigOption<String> PROMETHEUS_FACTORY =
      ConfigOptions.key("metrics.reporter.prom.factory.class").stringType().noDefaultValue();

  private static final ConfigOption<String> PROMETHEUS_PORT =
      ConfigOptions.key("metrics.reporter.prom.port").stringType().noDefaultValue();

  /**
   * Default ports, used where free (another free port is taken where not): Kafka's, the registry's
   * and Flink's Prometheus reporter's usual ones; Flink's web UI next to the registry.
   */
  static final int BROKER_PORT = 9092;

  static final int REGISTRY_PORT = 8081;
  static final int FLINK_PORT = 8082;
  static final int METRICS_PORT = 9249;
  static final int DASHBOARD_PORT = 8080;

  /** How often the embedded job checkpoints, and so commits its output. */
  static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(2);

  /**
   * How often sources emit watermarks: event time reaches the stages that hold events for it in
   * steps of this, so a belief waits up to that long more (Flink's default is 200 ms).
   */
  static final Duration WATERMARK_INTERVAL = Duration.ofMillis(50);

  /** The identity authority the local job trusts: it issues every local registration. */
  /** The network the local stack's job runs as, with no network.id of its own. */
  static final String NETWORK = CanonicalEncoding.DEFAULT_NETWORK;

  static final String AUTHORITY = "local-authority";

  /** Where in the state folder the development authority's private key is saved (PKCS#8 PEM). */
  static final String AUTHORITY_KEY_FILE = "authority.key";

  /** Derived once: deriving a key from a seed costs as much as many signatures. */
  private static final IdentityAuthority DEVELOPMENT_AUTHORITY =
      new IdentityAuthority(AUTHORITY, AgentKey.fromSeed(AUTHORITY.hashCode()));

  /** The resolver the local job trusts; registered when the stack starts. */
  static final String RESOLVER = "local-resolver";

  private static final AgentKey RESOLVER_KEY = AgentKey.fromSeed(RESOLVER.hashCode());

  private final Path stateDir;
  private final StateFolderLock lock;
  private final KafkaBroker broker;
  private final DevSchemaRegistryServer registry;
  private final Optional<DashboardServer> dashboard;
  private final JobClient job;
  private final int restPort;
  private final int metricsPort;
  private final ScheduledExecutorService ticker =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "simulated-world");
            thread.setDaemon(true);
            return thread;
          });
  private SimulatedWorld world;

  private LocalStack(
      Path stateDir,
      StateFolderLock lock,
      KafkaBroker broker,
      DevSchemaRegistryServer registry,
      Optional<DashboardServer> dashboard,
      JobClient job,
      int restPort,
      int metricsPort) {
    this.stateDir = stateDir;
    this.lock = lock;
    this.broker = broker;
    this.registry = registry;
    this.dashboard = dashboard;
    this.job = job;
    this.restPort = restPort;
    this.metricsPort = metricsPort;
  }

  /**
   * Starts everything but the dashboard, with all state in a fresh {@code stateDir}: the load
   * harness measures the job without a dashboard competing for the cores.
   */
  static LocalStack start(Path stateDir, int registryPort) throws Exception {
    return start(stateDir, registryPort, OptionalInt.empty());
  }

  /** Starts everything and the dashboard on 127.0.0.1:{@code dashboardPort} (0: a free port). */
  static LocalStack start(Path stateDir, int registryPort, int dashboardPort) throws Exception {
    return start(stateDir, registryPort, OptionalInt.of(dashboardPort));
  }

  private static LocalStack start(Path stateDir, int registryPort, OptionalInt dashboardPort)
      throws Exception {
    StateFolderLock lock = StateFolderLock.acquire(stateDir);
    wipe(stateDir);
    authority().key().save(stateDir.resolve(AUTHORITY_KEY_FILE));
    KafkaBroker broker = KafkaBroker.start(stateDir.resolve("kafka"), BROKER_PORT);
    NetworkTopics.create(broker.bootstrapServers(), PARTITIONS);
    DevSchemaRegistryServer registry =
        DevSchemaRegistryServer.start(LoopbackPorts.preferred(registryPort));
    registerInputSchemas(registry.url());
    Optional<DashboardServer> dashboard =
        dashboardPort.stream()
            .mapToObj(
                port ->
                    DashboardServer.start(
                        new InetSocketAddress(
                            InetAddress.getLoopbackAddress(), LoopbackPorts.preferred(port)),
                        broker.bootstrapServers(),
                        registry.url(),
                        TopicNames.defaults()))
            .findFirst();

    Configuration jobOptions = new Configuration();
    jobOptions.set(BeliefJobOptions.BOOTSTRAP_SERVERS, broker.bootstrapServers());
    jobOptions.set(BeliefJobOptions.SCHEMA_REGISTRY_URL, registry.url());
    trustTheDevelopmentAuthorities(jobOptions);
    BeliefJobConfig config = BeliefJobConfig.from(jobOptions);

    int restPort = LoopbackPorts.preferred(FLINK_PORT);
    int metricsPort = LoopbackPorts.preferred(METRICS_PORT);
    Configuration flink = flinkConfiguration(stateDir);
    flink.set(RestOptions.PORT, restPort);
    flink.set(PROMETHEUS_FACTORY, "org.apache.flink.metrics.prometheus.PrometheusReporterFactory");
    flink.set(PROMETHEUS_PORT, String.valueOf(metricsPort));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(flink);
    new BeliefJob(KafkaBeliefJob.sources(config), KafkaBeliefJob.sinks(config), config).build(env);
    registerResolver(broker.bootstrapServers(), registry.url());
    JobClient job = env.executeAsync(BeliefJob.NAME);
    RunningJob.awaitAllTasksRunning(restUrl(restPort), job.getJobID(), Duration.ofMinutes(2));
    new LocalEndpoints(broker.bootstrapServers(), registry.url()).writeTo(stateDir);
    return new LocalStack(stateDir, lock, broker, registry, dashboard, job, restPort, metricsPort);
  }

  /**
   * The development identity authority the local job trusts, whose key is derived from a fixed seed
   * and saved in the state folder ({@link #AUTHORITY_KEY_FILE}) for tools in other languages.
   * Anyone can derive it, so anyone can register anything with it: fine for a development stack and
   * nothing else.
   */
  static IdentityAuthority authority() {
    return DEVELOPMENT_AUTHORITY;
  }

  /** Makes a job trust {@link #authority()}'s registrations and {@link #RESOLVER}'s outcomes. */
  static void trustTheDevelopmentAuthorities(Configuration jobOptions) {
    jobOptions.set(BeliefJobOptions.IDENTITY_AUTHORITIES, List.of(authority().trustEntry()));
    jobOptions.set(BeliefJobOptions.RESOLVERS, List.of(RESOLVER));
  }

  /**
   * The key of {@link #RESOLVER}: derived from a fixed seed so that local tools can sign outcomes
   * with it. Anyone can derive it, which is fine for a development stack and nothing else.
   */
  static AgentKey resolverKey() {
    return RESOLVER_KEY;
  }

  private static void registerResolver(String bootstrapServers, String registryUrl) {
    try (BeliefClient client = BeliefClient.builder(bootstrapServers, registryUrl).build()) {
      registerResolver(client);
    }
  }

  /**
   * Registers the schemas of the topics agents write, as a network's operator does: agents look up
   * the latest version rather than register a copy of their own (README, "Schema registry").
   */
  private static void registerInputSchemas(String registryUrl) {
    SchemaRegistryClient registry = HttpSchemaRegistryClient.connect(registryUrl);
    for (Topic topic : Topic.INPUTS) {
      registry.register(
          SchemaRegistryClient.subject(topic.defaultName(), false),
          SpecificData.get().getSchema(topic.valueType()));
    }
  }

  /** Registers {@link #RESOLVER} with its development key. */
  static void registerResolver(BeliefClient client) {
    client.issue(
        new AgentRegistration(RESOLVER, RESOLVER, IdentityTier.ATTESTED, 0),
        resolverKey().publicKey(),
        authority());
  }

  /** Flink's settings for the embedded cluster: RocksDB, incremental checkpoints, small memory. */
  static Configuration flinkConfiguration(Path stateDir) {
    Configuration flink = new Configuration();
    flink.set(CoreOptions.DEFAULT_PARALLELISM, PARTITIONS);
    flink.set(StateBackendOptions.STATE_BACKEND, "rocksdb");
    flink.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
    flink.set(
        CheckpointingOptions.CHECKPOINTS_DIRECTORY,
        stateDir.resolve("checkpoints").toUri().toString());
    flink.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, CHECKPOINT_INTERVAL);
    flink.set(PipelineOptions.AUTO_WATERMARK_INTERVAL, WATERMARK_INTERVAL);
    flink.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.ofMebiBytes(128));
    flink.set(TaskManagerOptions.NETWORK_MEMORY_MIN, MemorySize.ofMebiBytes(64));
    flink.set(TaskManagerOptions.NETWORK_MEMORY_MAX, MemorySize.ofMebiBytes(64));
    return flink;
  }

  String bootstrapServers() {
    return broker.bootstrapServers();
  }

  /** CPU time the broker's process has used so far. */
  Duration brokerCpuTime() {
    return broker.cpuTime();
  }

  String registryUrl() {
    return registry.url();
  }

  /** Base URL of the embedded cluster's REST API (jobs, checkpoints, metrics). */
  String flinkRestUrl() {
    return restUrl(restPort);
  }

  private static String restUrl(int port) {
    return "http://127.0.0.1:" + port;
  }

  /** Address where the job's metrics are served in Prometheus's text format. */
  String metricsUrl() {
    return restUrl(metricsPort) + "/metrics";
  }

  /** Address of the live dashboard page, if the stack serves one. */
  Optional<String> dashboardUrl() {
    return dashboard.map(DashboardServer::url);
  }

  JobClient job() {
    return job;
  }

  void printWhereThingsAre(PrintStream out) {
    out.println();
    out.println("belief network running locally");
    out.println("  Kafka bootstrap servers : " + broker.bootstrapServers());
    out.println("  schema registry         : " + registry.url() + "  (development registry)");
    out.println("  Flink job               : " + BeliefJob.NAME + " (" + job.getJobID() + ")");
    out.println("  Flink web UI, REST API  : " + flinkRestUrl());
    out.println("  Prometheus metrics      : " + metricsUrl());
    dashboardUrl().ifPresent(url -> out.println("  dashboard               : " + url));
    out.println("  state, logs, checkpoints: " + stateDir);
    out.println("  topics (" + PARTITIONS + " partitions each):");
    for (Topic topic : Topic.values()) {
      out.printf(
          "    %-18s key: %-34s value: %s%s%n",
          topic.defaultName(),
          topic.keyDescription(),
          topic.valueType().getSimpleName(),
          topic.compacted() ? " (compacted)" : "");
    }
    out.println("Press Ctrl-C to stop.");
    out.println();
  }

  /** Registers the simulated world's agents, then plays one tick of it every {@code tick}. */
  void startWorld(WorldSettings settings) {
    world =
        new SimulatedWorld(
            BeliefClient.builder(broker.bootstrapServers(), registry.url()).build(), settings);
    world.registerAgents();
    ticker.scheduleAtFixedRate(
        world::tick, settings.tick().toMillis(), settings.tick().toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    LocalEndpoints.removeFrom(stateDir);
    ticker.shutdownNow();
    if (world != null) {
      world.close();
    }
    try {
      job.cancel().get();
    } catch (Exception alreadyGone) {
      // the job failed or finished on its own; nothing left to cancel
    }
    dashboard.ifPresent(DashboardServer::close);
    registry.close();
    broker.close();
    lock.close();
  }

  /** Empties {@code dir}, creating it if needed. */
  static void wipe(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> paths = Files.walk(dir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(LocalStack::delete);
      }
    }
    Files.createDirectories(dir);
  }

  private static void delete(Path path) {
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear the local state folder at " + path, e);
    }
  }
}
