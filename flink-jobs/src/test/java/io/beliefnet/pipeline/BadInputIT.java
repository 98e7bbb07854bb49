package io.beliefnet.pipeline;

import static io.beliefnet.pipeline.TestRecords.agent;
import static io.beliefnet.pipeline.TestRecords.claim;
import static io.beliefnet.pipeline.TestRecords.outcome;
import static io.beliefnet.pipeline.TestRecords.signed;
import static org.assertj.core.api.Assertions.assertThat;

import io.beliefnet.avro.AgentIdentity;
import io.beliefnet.avro.Claim;
import io.beliefnet.avro.IdentityTier;
import io.beliefnet.avro.Outcome;
import io.beliefnet.avro.Rejected;
import io.beliefnet.avro.RejectionReason;
import io.beliefnet.kafka.KafkaBroker;
import io.beliefnet.kafka.KafkaBrokerExtension;
import io.beliefnet.registry.ConfluentWireFormat;
import io.beliefnet.topics.Topic;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Garbage bytes and every kind of invalid record go into the input topics: each ends in exactly one
 * place (applied, or rejected with the right reason and its original bytes), and the job keeps
 * running.
 */
@ExtendWith(KafkaBrokerExtension.class)
class BadInputIT {

  @RegisterExtension static final MiniClusterExtension FLINK = PipelineRun.miniCluster();

  private static final long T = ScriptedWorld.START;

  /** Past the job's allowed clock skew, within the hour the broker itself accepts. */
  private static final long OUT_OF_ORDERNESS =
      BeliefJobOptions.MAX_OUT_OF_ORDERNESS.defaultValue().toMillis();

  private static final long FUTURE = System.currentTimeMillis() + Duration.ofMinutes(30).toMillis();

  @Test
  void everyRecordIsAppliedOrRejectedWithItsReason(KafkaBroker broker, @TempDir Path checkpoints)
      throws Exception {
    try (PipelineRun run = new PipelineRun(broker, FLINK)) {
      run.start(2, checkpoints);
      List<ScriptedEvent> valid = new ArrayList<>();
      List<ScriptedEvent> invalid = new ArrayList<>();
      List<RejectionReason> expectedReasons = new ArrayList<>();
      AgentIdentity negativeStake = agent("greedy", IdentityTier.VERIFIED, T + 1);
      negativeStake.setStake(-5.0);
      Outcome byAlice = outcome("bridge", "no", T + 34);
      byAlice.setResolverId("alice");
      Claim fromTheFuture = signed(claim("alice", "ferry", FUTURE, 0.5).setClaimId("future"));

      valid.add(event(Topic.AGENTS, "alice", agent("alice", IdentityTier.VERIFIED, T + 2), T + 2));
      valid.add(event(Topic.AGENTS, "bob", agent("bob", IdentityTier.ATTESTED, T + 3), T + 3));
      valid.add(
          event(Topic.AGENTS, "carol", agent("carol", IdentityTier.UNVERIFIED, T + 3), T + 3));
      valid.add(
          event(
              Topic.AGENTS,
              ScriptedWorld.RESOLVER,
              agent(ScriptedWorld.RESOLVER, IdentityTier.ATTESTED, T + 4),
              T + 4));
      valid.add(claimEvent(signed(claim("alice", "bridge", T + 10, 0.8).setClaimId("c1"))));
      valid.add(claimEvent(signed(claim("bob", "bridge", T + 11, 0.6).setClaimId("c2"))));
      valid.add(event(Topic.OUTCOMES, "bridge", signed(outcome("bridge", "yes", T + 30)), T + 30));
      run.produce(valid);

      // each of these is rejected, for the reason next to it
      invalid.addAll(
          List.of(
              expect(
                  expectedReasons,
                  RejectionReason.INVALID_RECORD,
                  event(Topic.AGENTS, "greedy", negativeStake, T + 4)),
              expect(
                  expectedReasons,
                  RejectionReason.INVALID_PROBABILITIES,
                  claimEvent(
                      signed(
                          claim("alice", "ferry", T + 12, 0.5)
                              .setClaimId("sum")
                              .setProbabilities(List.of(0.9, 0.8))))),
              expect(
                  expectedReasons,
                  RejectionReason.INVALID_PROBABILITIES,
                  claimEvent(
                      signed(
                          claim("alice", "ferry", T + 13, 0.5)
                              .setClaimId("nan")
                              .setProbabilities(List.of(Double.NaN, 0.5))))),
              expect(
                  expectedReasons,
                  RejectionReason.UNKNOWN_AGENT,
                  claimEvent(signed(claim("mallory", "bridge", T + 14, 0.1).setClaimId("m1")))),
              expect(
                  expectedReasons,
                  RejectionReason.DUPLICATE,
                  claimEvent(signed(claim("alice", "bridge", T + 15, 0.8).setClaimId("c1")))),
              expect(
                  expectedReasons,
                  RejectionReason.INVALID_RECORD,
                  claimEvent(
                      signed(
                          claim("bob", "bridge", T + 16, 0.5)
                              .setClaimId("relabelled")
                              .setOutcomes(List.of("shut", "open"))))),
              // made (event time) before bob's standing claim, though published after it
              expect(
                  expectedReasons,
                  RejectionReason.SUPERSEDED,
                  event(
                      Topic.CLAIMS,
                      "bridge",
                      signed(claim("bob", "bridge", T + 5, 0.1).setClaimId("older")),
                      T + 17)),
              // an unverified agent may not open a proposition
              expect(
                  expectedReasons,
                  RejectionReason.UNKNOWN_PROPOSITION,
                  claimEvent(signed(claim("carol", "nowhere", T + 31, 0.9).setClaimId("squat")))),
              expect(
                  expectedReasons,
                  RejectionReason.UNKNOWN_OUTCOME,
                  event(
                      Topic.OUTCOMES,
                      "bridge",
                      signed(outcome("bridge", "maybe", T + 32)),
                      T + 32)),
              expect(
                  expectedReasons,
                  RejectionReason.DUPLICATE,
                  event(
                      Topic.OUTCOMES, "bridge", signed(outcome("bridge", "yes", T + 30)), T + 33)),
              expect(
                  expectedReasons,
                  RejectionReason.UNSIGNED,
                  claimEvent(claim("alice", "ferry", T + 18, 0.5).setClaimId("unsigned").build())),
              expect(
                  expectedReasons,
                  RejectionReason.BAD_SIGNATURE,
                  claimEvent(
                      TestRecords.key("mallory")
                          .sign(
                              TestRecords.NETWORK,
                              claim("alice", "ferry", T + 19, 0.5).setClaimId("forged").build()))),
              expect(
                  expectedReasons,
                  RejectionReason.UNTRUSTED_RESOLVER,
                  event(Topic.OUTCOMES, "bridge", signed(byAlice), T + 34)),
              // an old signed claim replayed under a new timestamp
              expect(
                  expectedReasons,
                  RejectionReason.INVALID_RECORD,
                  event(
                      Topic.CLAIMS,
                      "ferry",
                      signed(claim("alice", "ferry", T - 3_600_000, 0.5).setClaimId("replayed")),
                      T + 21)),
              // stamped half an hour ahead: rejected, and event time does not jump there
              expect(
                  expectedReasons,
                  RejectionReason.INVALID_RECORD,
                  event(Topic.CLAIMS, "ferry", fromTheFuture, FUTURE)),
              expect(
                  expectedReasons,
                  RejectionReason.CLOSED_PROPOSITION,
                  claimEvent(signed(claim("alice", "bridge", T + 40, 0.9).setClaimId("after")))),
              // the right answer read off beliefs, signed as made before the outcome was observed
              // and published just after it: closed by apply order
              expect(
                  expectedReasons,
                  RejectionReason.CLOSED_PROPOSITION,
                  event(
                      Topic.CLAIMS,
                      "bridge",
                      signed(claim("bob", "bridge", T + 29, 0.99).setClaimId("backdated")),
                      T + 31)),
              // the same, backdated by more than the out-of-orderness
              expect(
                  expectedReasons,
                  RejectionReason.INVALID_RECORD,
                  event(
                      Topic.CLAIMS,
                      "bridge",
                      signed(claim("bob", "bridge", T + 29, 0.99).setClaimId("far-backdated")),
                      T + 29 + OUT_OF_ORDERNESS + 1))));
      run.produce(invalid);
      expectedReasons.addAll(produceBytes(run));
      int heartbeats = run.advanceEventTimePast(T + 100, "alice");

      PipelineRun.await(
          "the first heartbeat applied",
          () -> run.beliefKeys().stream().anyMatch(k -> k.startsWith("heartbeat-")));
      // the watermark is past T + 100 now
      run.produce(
          List.of(
              expect(
                  expectedReasons,
                  RejectionReason.LATE,
                  claimEvent(signed(claim("alice", "ferry", T + 50, 0.5).setClaimId("late"))))));
      PipelineRun.await(
          "every rejection",
          () -> run.committed(Topic.REJECTED, Rejected.class).size() >= expectedReasons.size(),
          () ->
              "rejected so far: "
                  + run.committed(Topic.REJECTED, Rejected.class).stream()
                      .map(
                          r ->
                              r.getReasonCode()
                                  + " "
                                  + r.getSourceTopic()
                                  + "-"
                                  + r.getPartition()
                                  + "@"
                                  + r.getOffset())
                      .toList()
                  + ", expected: "
                  + expectedReasons);

      List<Rejected> rejected = run.committed(Topic.REJECTED, Rejected.class);
      assertThat(rejected)
          .extracting(Rejected::getReasonCode)
          .containsExactlyInAnyOrderElementsOf(expectedReasons);
      assertThat(rejected).allSatisfy(r -> assertThat(r.getReason()).isNotBlank());
      assertThat(rejected)
          .filteredOn(r -> r.getReasonCode() == RejectionReason.MALFORMED_BYTES)
          .extracting(r -> new String(r.getOriginalValue().array(), StandardCharsets.UTF_8))
          .contains("this is not avro");

      int produced = valid.size() + expectedReasons.size() + heartbeats;
      int registrationsApplied = 4;
      List<String> appliedKeys = new ArrayList<>(valid.stream().map(BadInputIT::key).toList());
      List<String> emitted = run.beliefKeys();
      long claimsAndOutcomesApplied =
          emitted.stream()
              .filter(k -> appliedKeys.contains(k) || k.startsWith("heartbeat-"))
              .count();
      int heldForLaterEventTime = 1; // the last heartbeat waits for later event time
      assertThat(registrationsApplied + claimsAndOutcomesApplied + rejected.size())
          .as("applied + rejected == produced")
          .isEqualTo(produced - heldForLaterEventTime);
      assertThat(emitted)
          .as("no belief for a rejected record")
          .noneMatch(k -> invalid.stream().map(BadInputIT::key).toList().contains(k));
      assertThat(run.job().getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
    }
  }

  private record RawInput(byte[] value, RejectionReason reason) {}

  /** Raw bytes the decoder must refuse, into every input topic; returns their reasons. */
  private static List<RejectionReason> produceBytes(PipelineRun run) throws Exception {
    List<RawInput> inputs =
        List.of(
            new RawInput(
                "this is not avro".getBytes(StandardCharsets.UTF_8),
                RejectionReason.MALFORMED_BYTES),
            new RawInput(new byte[0], RejectionReason.MALFORMED_BYTES),
            new RawInput(
                ConfluentWireFormat.frame(9999, new byte[] {2, 4, 6}),
                RejectionReason.UNKNOWN_SCHEMA_ID),
            new RawInput(
                ConfluentWireFormat.frame(1, new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff}),
                RejectionReason.MALFORMED_BYTES),
            new RawInput(
                new byte[RecordLimits.MAX_VALUE_BYTES + 1], RejectionReason.INVALID_RECORD));
    List<RejectionReason> reasons = new ArrayList<>();
    long at = T + 20;
    for (Topic topic : Topic.INPUTS) {
      for (RawInput input : inputs) {
        run.produceRaw(topic, "key".getBytes(StandardCharsets.UTF_8), input.value(), at++);
        reasons.add(input.reason());
      }
    }
    return reasons;
  }

  private static String key(ScriptedEvent event) {
    return event.key() + "@" + event.timestamp();
  }

  private static ScriptedEvent expect(
      List<RejectionReason> reasons, RejectionReason reason, ScriptedEvent event) {
    reasons.add(reason);
    return event;
  }

  private static ScriptedEvent claimEvent(Claim claim) {
    return event(
        Topic.CLAIMS, claim.getPropositionId(), claim, claim.getEventTime().toEpochMilli());
  }

  private static ScriptedEvent event(
      Topic topic, String key, org.apache.avro.specific.SpecificRecord value, long timestamp) {
    return new ScriptedEvent(topic, key, value, timestamp);
  }
}
