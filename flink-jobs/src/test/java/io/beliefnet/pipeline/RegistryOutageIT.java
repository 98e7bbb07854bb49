package io.beliefnet.pipeline;

import static io.beliefnet.pipeline.TestRecords.agent;
import static io.beliefnet.pipeline.TestRecords.claim;
import static io.beliefnet.pipeline.TestRecords.outcome;
import static io.beliefnet.pipeline.TestRecords.signed;
import static org.assertj.core.api.Assertions.assertThat;

import io.beliefnet.avro.Claim;
import io.beliefnet.avro.IdentityTier;
import io.beliefnet.avro.Rejected;
import io.beliefnet.kafka.KafkaBroker;
import io.beliefnet.kafka.KafkaBrokerExtension;
import io.beliefnet.topics.Topic;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A schema registry that cannot be reached for a while holds the job back instead of costing it
 * records: a record whose schema the job has not fetched yet waits in its source until the registry
 * answers again, and is then applied. Nothing is rejected and the job never fails.
 */
@ExtendWith(KafkaBrokerExtension.class)
class RegistryOutageIT {

  @RegisterExtension static final MiniClusterExtension FLINK = PipelineRun.miniCluster();

  private static final long T = ScriptedWorld.START;
  private static final Duration OUTAGE = Duration.ofSeconds(10);

  @Test
  void aRecordReadDuringAnOutageWaitsForTheRegistryAndIsAppliedOnceItIsBack(
      KafkaBroker broker, @TempDir Path checkpoints) throws Exception {
    try (PipelineRun run = new PipelineRun(broker, FLINK)) {
      run.start(2, checkpoints);
      Claim claim = signed(claim("alice", "bridge", T + 10, 0.8));
      run.produce(
          List.of(
              new ScriptedEvent(
                  Topic.AGENTS, "alice", agent("alice", IdentityTier.VERIFIED, T + 1), T + 1),
              new ScriptedEvent(
                  Topic.AGENTS,
                  ScriptedWorld.RESOLVER,
                  agent(ScriptedWorld.RESOLVER, IdentityTier.ATTESTED, T + 2),
                  T + 2),
              new ScriptedEvent(Topic.CLAIMS, "bridge", claim, T + 10)));
      run.advanceEventTimePast(T + 100, "alice");
      PipelineRun.await("the claim applied", () -> run.beliefKeys().contains("bridge@" + (T + 10)));
      // the job has fetched the schemas of registrations and claims, not yet the outcomes'
      // stamped after the heartbeats, which moved event time a minute past T + 100
      long resolvedAt = T + 100 + 70_000;
      byte[] outcome = run.encode(Topic.OUTCOMES, signed(outcome("bridge", "yes", resolvedAt)));

      run.stopRegistry();
      run.produceRaw(
          Topic.OUTCOMES, "bridge".getBytes(StandardCharsets.UTF_8), outcome, resolvedAt);
      Thread.sleep(OUTAGE.toMillis());
      run.restartRegistry();
      run.advanceEventTimePast(resolvedAt + 1_000, "alice");

      PipelineRun.await(
          "the outcome applied", () -> run.beliefKeys().contains("bridge@" + resolvedAt));
      assertThat(run.committed(Topic.REJECTED, Rejected.class)).isEmpty();
      assertThat(run.job().getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
      assertThat(run.failures()).isZero();
    }
  }
}
