package io.beliefnet.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.beliefnet.avro.Belief;
import io.beliefnet.pipeline.ModelReplay.ExpectedBelief;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A savepoint of an earlier version of the job (a committed fixture, see {@link SavepointFixture})
 * restores into today's job at another parallelism, which goes on from where the savepoint left
 * off: the beliefs published before it and after the restore are those of an uninterrupted run, as
 * the consistency model states it (the same events, claims and outcomes; probabilities within the
 * parity tolerance, since the feedback the fixture had not read back stayed on its broker).
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
    ModelReplay expected = ModelReplay.of(script);
    List<String> before = Files.readAllLines(fixture.resolve(SavepointFixture.BELIEFS_BEFORE));
    CollectingSink<Belief> beliefs = new CollectingSink<>();
    try (FeedbackLoop loop = FeedbackLoop.start(work.resolve("kafka"))) {
      Configuration flink = SavepointFixture.configuration(2, work);
      flink.set(
          StateRecoveryOptions.SAVEPOINT_PATH,
          fixture.resolve(SavepointFixture.SAVEPOINT).toAbsolutePath().toUri().toString());
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flink);
      new BeliefJob(ScriptSource.of(script, loop.config()), loop.sinks(beliefs), loop.config())
          .build(env);
      JobClient job = env.executeAsync("restored");
      // the feedback source never ends: stop once every belief is out and nothing more comes
      PipelineRun.await(
          "the rest of the script's beliefs",
          () ->
              before.size() + ParityViews.directBeliefs(beliefs.collected(), script).size()
                  >= expected.beliefs.size());
      int seen = -1;
      while (seen != beliefs.collected().size()) {
        seen = beliefs.collected().size();
        Thread.sleep(2_000);
      }
      RunningJob.cancel(job, Duration.ofMinutes(1));
    }

    List<ExpectedBelief> after = ParityViews.directBeliefs(beliefs.collected(), script);
    List<String> published = new ArrayList<>(before);
    published.addAll(shapes(after));
    assertThat(before).isNotEmpty();
    assertThat(after).isNotEmpty();
    assertThat(published).containsExactlyInAnyOrderElementsOf(shapes(expected.beliefs));
    List<ExpectedBelief> expectedAfter =
        expected.beliefs.subList(expected.beliefs.size() - after.size(), expected.beliefs.size());
    assertThat(ParityViews.beliefGap(after, expectedAfter))
        .isLessThanOrEqualTo(BeliefJobParityIT.BELIEF_TOLERANCE);
  }

  /** What of each belief does not depend on when feedback arrived, one per line. */
  static List<String> shapes(List<ExpectedBelief> beliefs) {
    return beliefs.stream().map(ParityViews::shape).toList();
  }
}
