package io.beliefnet.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.beliefnet.avro.AgentReliability;
import io.beliefnet.avro.Belief;
import io.beliefnet.avro.Rejected;
import io.beliefnet.avro.Settlement;
import io.beliefnet.pipeline.ModelReplay.ExpectedBelief;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A savepoint of an earlier version of the job (a committed fixture, see {@link SavepointFixture})
 * restores into today's job at another parallelism, which goes on from where the savepoint left
 * off: the beliefs published before it and after the restore are those of an uninterrupted run.
 */
class SavepointUpgradeTest {

  @RegisterExtension static final MiniClusterExtension FLINK = PipelineRun.miniCluster();

  private static final Path FIXTURES = Path.of("src/test/resources/savepoints");

  /** Every fixture kept: each release's savepoint must restore into every later release. */
  static List<Path> fixtures() throws IOException {
    try (Stream<Path> versions = Files.list(FIXTURES)) {
      return versions.sorted().toList();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void anEarlierVersionsSavepointRestoresAtParallelismTwoAndGoesOnAsIfUninterrupted(
      Path fixture, @TempDir Path work) throws Exception {
    List<ScriptedEvent> script = ScriptedWorld.script(SavepointFixture.SEED);
    CollectingSink<Belief> beliefs = new CollectingSink<>();
    Configuration flink = SavepointFixture.configuration(2, work);
    flink.set(
        StateRecoveryOptions.SAVEPOINT_PATH,
        fixture.resolve(SavepointFixture.SAVEPOINT).toAbsolutePath().toUri().toString());
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flink);
    new BeliefJob(
            ScriptSource.of(script),
            new JobSinks(
                beliefs,
                new CollectingSink<AgentReliability>(),
                new CollectingSink<Settlement>(),
                new CollectingSink<Rejected>()),
            config())
        .build(env);

    env.execute("restored");

    List<String> before = Files.readAllLines(fixture.resolve(SavepointFixture.BELIEFS_BEFORE));
    List<String> after = lines(ParityViews.directBeliefs(beliefs.collected(), script));
    List<String> published = new ArrayList<>(before);
    published.addAll(after);
    assertThat(before).isNotEmpty();
    assertThat(after).isNotEmpty();
    assertThat(published)
        .containsExactlyInAnyOrderElementsOf(lines(ModelReplay.of(script).beliefs));
  }

  /** The job's settings in the fixture and the test: the scripted world's resolver is trusted. */
  static BeliefJobConfig config() {
    Configuration options = new Configuration();
    options.set(BeliefJobOptions.RESOLVERS, List.of(ScriptedWorld.RESOLVER));
    return BeliefJobConfig.from(options);
  }

  /** Beliefs as text, one per line, exact to the bit (doubles print their shortest exact form). */
  static List<String> lines(List<ExpectedBelief> beliefs) {
    return beliefs.stream().map(ExpectedBelief::toString).toList();
  }
}
