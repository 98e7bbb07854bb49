package io.beliefnet.pipeline;

import io.beliefnet.avro.Belief;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Writes the fixture of {@link SavepointUpgradeTest}: runs the job at parallelism 1 on a slowed
 * script, with its feedback loop on a broker of its own, stops it with a canonical savepoint
 * partway, and keeps the savepoint with the beliefs published before it. Run it when a release
 * changes the job's state on purpose, and keep the previous fixture's folder, so that each release
 * is checked against the savepoints of the ones before it:
 *
 * <pre>
 * ./mvnw -q -pl flink-jobs -am install -DskipTests
 * ./mvnw -q -pl flink-jobs dependency:build-classpath -Dmdep.outputFile=target/test.classpath
 * java -cp flink-jobs/target/test-classes:flink-jobs/target/classes:$(cat flink-jobs/target/test.classpath) \
 *   io.beliefnet.pipeline.SavepointFixture flink-jobs/src/test/resources/savepoints/v4
 * </pre>
 */
public final class SavepointFixture {

  static final long SEED = 11;

  /** The file beside the savepoint with the beliefs published before it, one per line. */
  static final String BELIEFS_BEFORE = "beliefs-before-savepoint.txt";

  static final String SAVEPOINT = "savepoint";

  private static final int EVENTS_PER_SECOND = 40;

  private SavepointFixture() {}

  public static void main(String[] args) throws Exception {
    Path fixture = Path.of(args[0]).toAbsolutePath();
    Path work = Files.createTempDirectory("savepoint-fixture");
    List<ScriptedEvent> script = ScriptedWorld.script(SEED);
    CollectingSink<Belief> beliefs = new CollectingSink<>();
    Path savepoint;
    try (FeedbackLoop loop = FeedbackLoop.start(work.resolve("kafka"))) {
      StreamExecutionEnvironment env =
          StreamExecutionEnvironment.createLocalEnvironment(configuration(1, work));
      new BeliefJob(
              ScriptSource.throttled(script, EVENTS_PER_SECOND, loop.config()),
              loop.sinks(beliefs),
              loop.config())
          .build(env);
      JobClient job = env.executeAsync("savepoint fixture");
      int half = ModelReplay.of(script).beliefs.size() / 2;
      while (ParityViews.directBeliefs(beliefs.collected(), script).size() < half) {
        Thread.sleep(50);
      }
      savepoint =
          Path.of(
              java.net.URI.create(
                  job.stopWithSavepoint(
                          false,
                          work.resolve("savepoints").toUri().toString(),
                          SavepointFormatType.CANONICAL)
                      .get()));
    }
    delete(fixture);
    Files.createDirectories(fixture);
    copy(savepoint, fixture.resolve(SAVEPOINT));
    Files.write(
        fixture.resolve(BELIEFS_BEFORE),
        SavepointUpgradeTest.shapes(ParityViews.directBeliefs(beliefs.collected(), script)));
    System.out.println("wrote " + fixture);
  }

  /** RocksDB, checkpoints every half second under {@code work}, at {@code parallelism}. */
  static Configuration configuration(int parallelism, Path work) {
    Configuration flink = new Configuration();
    flink.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
    flink.set(StateBackendOptions.STATE_BACKEND, "rocksdb");
    flink.set(
        CheckpointingOptions.CHECKPOINTS_DIRECTORY, work.resolve("checkpoints").toUri().toString());
    flink.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(500));
    return flink;
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Files.copy(file, to.resolve(from.relativize(file).toString()));
      }
    }
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(SavepointFixture::deleteFile);
    }
  }

  private static void deleteFile(Path file) {
    try {
      Files.delete(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
