package io.beliefnet.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.beliefnet.avro.AgentReliability;
import io.beliefnet.avro.Belief;
import io.beliefnet.avro.Rejected;
import io.beliefnet.avro.Settlement;
import io.beliefnet.kafka.KafkaBroker;
import io.beliefnet.kafka.KafkaBrokerExtension;
import io.beliefnet.topics.Topic;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The job on a MiniCluster with the real broker and registry gives exactly what the belief model's
 * replay of the same script gives: the same beliefs, reliabilities and settlements, bit for bit,
 * also when every Kafka partition went idle before event time moved on. {@link BeliefJobParityTest}
 * compares the same without a broker, at parallelism 1 and 2.
 */
@ExtendWith(KafkaBrokerExtension.class)
class BeliefJobParityIT {

  @RegisterExtension static final MiniClusterExtension FLINK = PipelineRun.miniCluster();

  @ParameterizedTest(name = "parallelism {0}, quiet spell before event time moves on: {1}")
  @CsvSource({"2, false", "2, true"})
  void jobMatchesTheModelReplay(
      int parallelism, boolean quietSpell, KafkaBroker broker, @TempDir Path checkpoints)
      throws Exception {
    List<ScriptedEvent> script = ScriptedWorld.script(42);
    ModelReplay expected = ModelReplay.of(script);

    try (PipelineRun run = new PipelineRun(broker, FLINK)) {
      run.start(parallelism, checkpoints);
      run.produce(script);
      if (quietSpell) {
        run.waitUntilEverySourceIsIdle();
      }
      run.advanceEventTimePast(ScriptedWorld.end(script), "sensor-a");
      PipelineRun.await(
          "every output the replay predicts",
          () ->
              run.committed(Topic.REJECTED, Rejected.class).size() >= expected.rejected
                  && ParityViews.directBeliefs(run.committed(Topic.BELIEFS, Belief.class), script)
                          .size()
                      >= expected.beliefs.size()
                  && ParityViews.reliabilities(
                              run.committed(Topic.AGENT_RELIABILITY, AgentReliability.class))
                          .size()
                      >= expected.reliabilities.size()
                  && run.committed(Topic.SETTLEMENTS, Settlement.class).size()
                      >= expected.settlements.size());

      assertThat(run.committed(Topic.REJECTED, Rejected.class)).hasSize(expected.rejected);
      assertThat(ParityViews.directBeliefs(run.committed(Topic.BELIEFS, Belief.class), script))
          .containsExactlyElementsOf(expected.beliefs);
      assertThat(
              ParityViews.reliabilities(
                  run.committed(Topic.AGENT_RELIABILITY, AgentReliability.class)))
          .containsExactlyElementsOf(expected.reliabilities);
      assertThat(ParityViews.settlements(run.committed(Topic.SETTLEMENTS, Settlement.class)))
          .containsExactlyInAnyOrderElementsOf(expected.settlements);
    }
  }
}
