package io.beliefnet.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.beliefnet.pipeline.kafka.KafkaBeliefJob;
import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

class BeliefJobTest {

  @Test
  void refusesToBuildWithoutCheckpointing() {
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.createLocalEnvironment(new Configuration());

    assertThatThrownBy(() -> job().build(env))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("needs checkpointing")
        .hasMessageContaining("execution.checkpointing.interval");
  }

  @Test
  void pinsTheMaxParallelism() {
    Configuration flink = new Configuration();
    flink.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofSeconds(10));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(flink);

    job().build(env);

    assertThat(env.getMaxParallelism()).isEqualTo(BeliefJob.MAX_PARALLELISM);
  }

  private static BeliefJob job() {
    List<ScriptedEvent> script = ScriptedWorld.script(1);
    Configuration options = new Configuration();
    TestRecords.trustTheTestAuthorities(options);
    BeliefJobConfig config = BeliefJobConfig.from(options);
    return new BeliefJob(
        ScriptSource.of(script, config),
        new JobSinks(
            new CollectingSink<>(),
            new CollectingSink<>(),
            new CollectingSink<>(),
            new CollectingSink<>(),
            new CollectingSink<>(),
            KafkaBeliefJob.feedbackSink(config)),
        config);
  }
}
