package io.beliefnet.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.beliefnet.avro.AgentReliability;
import io.beliefnet.avro.Belief;
import io.beliefnet.avro.Rejected;
import io.beliefnet.avro.Settlement;
import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The job on a MiniCluster, fed the script from memory and writing to collecting sinks, gives
 * exactly what the belief model's replay of the script gives, bit for bit, at parallelism 1 and 2.
 * The same comparison as {@link BeliefJobParityIT} without a broker or registry, in seconds.
 */
class BeliefJobParityTest {

  @RegisterExtension static final MiniClusterExtension FLINK = PipelineRun.miniCluster();

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2})
  void jobMatchesTheModelReplay(int parallelism) throws Exception {
    List<ScriptedEvent> script = ScriptedWorld.script(42);
    ModelReplay expected = ModelReplay.of(script);
    CollectingSink<Belief> beliefs = new CollectingSink<>();
    CollectingSink<AgentReliability> reliabilities = new CollectingSink<>();
    CollectingSink<Settlement> settlements = new CollectingSink<>();
    CollectingSink<Rejected> rejected = new CollectingSink<>();
    Configuration flink = new Configuration();
    flink.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
    flink.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(500));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flink);
    Configuration options = new Configuration();
    options.set(BeliefJobOptions.RESOLVERS, List.of(ScriptedWorld.RESOLVER));
    new BeliefJob(
            ScriptSource.of(script),
            new JobSinks(beliefs, reliabilities, settlements, rejected),
            BeliefJobConfig.from(options))
        .build(env);

    env.execute("parity");

    assertThat(expected.beliefs).isNotEmpty();
    assertThat(expected.settlements).isNotEmpty();
    assertThat(rejected.collected()).hasSize(expected.rejected);
    assertThat(ParityViews.directBeliefs(beliefs.collected(), script))
        .containsExactlyElementsOf(expected.beliefs);
    assertThat(ParityViews.reliabilities(reliabilities.collected()))
        .containsExactlyElementsOf(expected.reliabilities);
    assertThat(ParityViews.settlements(settlements.collected()))
        .containsExactlyInAnyOrderElementsOf(expected.settlements);
  }
}
