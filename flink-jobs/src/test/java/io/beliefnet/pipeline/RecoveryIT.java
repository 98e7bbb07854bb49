package io.beliefnet.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.beliefnet.avro.Belief;
import io.beliefnet.avro.Rejected;
import io.beliefnet.avro.Settlement;
import io.beliefnet.kafka.KafkaBroker;
import io.beliefnet.kafka.KafkaBrokerExtension;
import io.beliefnet.pipeline.ModelReplay.ExpectedBelief;
import io.beliefnet.pipeline.ModelReplay.ExpectedSettlement;
import io.beliefnet.topics.Topic;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The task manager running the job is killed mid-stream; the job restarts from its last checkpoint,
 * and the committed output is what the model's replay gives, as the consistency model states it:
 * nothing lost, nothing twice, the same records rejected and the same claims settled, beliefs
 * within the parity tolerance.
 */
@ExtendWith(KafkaBrokerExtension.class)
class RecoveryIT {

  @RegisterExtension static final MiniClusterExtension FLINK = PipelineRun.miniCluster();

  @Test
  void outputAfterACrashEqualsAFailureFreeRun(
      KafkaBroker broker, @InjectMiniCluster MiniCluster cluster, @TempDir Path checkpoints)
      throws Exception {
    List<ScriptedEvent> script = ScriptedWorld.script(7);
    ModelReplay expected = ModelReplay.of(script);
    int half = script.size() / 2;

    try (PipelineRun run = new PipelineRun(broker, FLINK)) {
      run.start(2, checkpoints);
      run.produce(script.subList(0, half));
      PipelineRun.await(
          "output of the first half committed",
          () ->
              ParityViews.directBeliefs(run.committed(Topic.BELIEFS, Belief.class), script).size()
                  > 20);

      cluster.terminateTaskManager(0).get();
      cluster.startTaskManager();
      run.produce(script.subList(half, script.size()));
      run.advanceEventTimePast(ScriptedWorld.end(script), "sensor-a");
      PipelineRun.await(
          "every output the replay predicts",
          () ->
              ParityViews.directBeliefs(run.committed(Topic.BELIEFS, Belief.class), script).size()
                      >= expected.beliefs.size()
                  && run.committed(Topic.SETTLEMENTS, Settlement.class).size()
                      >= expected.settlements.size()
                  && run.committed(Topic.REJECTED, Rejected.class).size() >= expected.rejected,
          () -> ParityViews.progress(run, script, expected));

      List<Belief> beliefs = run.committed(Topic.BELIEFS, Belief.class);
      assertThat(beliefs)
          .as("each belief version once")
          .extracting(b -> b.getPropositionId() + "#" + b.getVersion())
          .doesNotHaveDuplicates();
      List<ExpectedBelief> direct = ParityViews.directBeliefs(beliefs, script);
      assertThat(direct)
          .extracting(ParityViews::shape)
          .containsExactlyElementsOf(expected.beliefs.stream().map(ParityViews::shape).toList());
      double beliefGap = ParityViews.beliefGap(direct, expected.beliefs);
      System.out.printf("recovery beliefs=%d max_probability_gap=%.6f%n", direct.size(), beliefGap);
      assertThat(beliefGap)
          .as("largest gap, at %s", ParityViews.largestBeliefGapAt(direct, expected.beliefs))
          .isLessThanOrEqualTo(BeliefJobParityIT.BELIEF_TOLERANCE);
      List<ExpectedSettlement> settled =
          ParityViews.settlements(run.committed(Topic.SETTLEMENTS, Settlement.class));
      assertThat(settled).hasSameSizeAs(expected.settlements);
      assertThat(ParityViews.byClaim(settled).keySet())
          .containsExactlyInAnyOrderElementsOf(ParityViews.byClaim(expected.settlements).keySet());
      assertThat(run.committed(Topic.REJECTED, Rejected.class)).hasSize(expected.rejected);
    }
  }
}
