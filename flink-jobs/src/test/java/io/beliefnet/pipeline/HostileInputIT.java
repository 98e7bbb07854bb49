package io.beliefnet.pipeline;

import static io.beliefnet.pipeline.TestRecords.agent;
import static io.beliefnet.pipeline.TestRecords.claim;
import static io.beliefnet.pipeline.TestRecords.key;
import static io.beliefnet.pipeline.TestRecords.outcome;
import static io.beliefnet.pipeline.TestRecords.signed;
import static org.assertj.core.api.Assertions.assertThat;

import io.beliefnet.avro.AgentDelta;
import io.beliefnet.avro.AgentIdentity;
import io.beliefnet.avro.Belief;
import io.beliefnet.avro.Claim;
import io.beliefnet.avro.Feedback;
import io.beliefnet.avro.IdentityTier;
import io.beliefnet.avro.Outcome;
import io.beliefnet.avro.Rejected;
import io.beliefnet.avro.RejectionReason;
import io.beliefnet.kafka.KafkaBroker;
import io.beliefnet.kafka.KafkaBrokerExtension;
import io.beliefnet.registry.ConfluentWireFormat;
import io.beliefnet.signing.IdentityAuthority;
import io.beliefnet.topics.Topic;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzzing of every input topic with random bytes, truncated and bit-flipped valid records,
 * collection-size bombs, oversized fields, keys and near-megabyte values, garbage stamped just
 * inside the clock-skew limit (which must not move event time), broken distributions, huge and
 * negative stakes, claims backdated behind their Kafka timestamps, floods of forgeries under an
 * honest agent's id, unknown outcomes, claims by agents not entitled to open the propositions they
 * would squat, and timestamps far in the future or past, between valid traffic (which uses one
 * proposition id in two domains). Each hostile record must come back from {@code rejected} exactly
 * once, by its offset, with a reason its kind allows; the valid records are applied; the job keeps
 * running.
 */
@ExtendWith(KafkaBrokerExtension.class)
class HostileInputIT {

  @RegisterExtension static final MiniClusterExtension FLINK = PipelineRun.miniCluster();

  private static final long T = ScriptedWorld.START;

  /** Where the hostile records start in event time, after the first heartbeats. */
  private static final long HOSTILE = T + 120_000;

  private static final int PER_KIND = 12;
  private static final String AGENT = "fuzz-agent";
  private static final String SQUATTER = "squatter";
  private static final String VICTIM = "victim";

  /** Forged claims per round under the victim's id: more than its failure allowance's burst. */
  private static final int FORGERIES = 8;

  private static final String OTHER_DOMAIN = "ferries/london";

  /** A record to send as bytes, and the rejection reasons its kind allows. */
  private record Hostile(
      String kind,
      Topic topic,
      byte[] key,
      byte[] value,
      long timestamp,
      Set<RejectionReason> allowed) {}

  @Test
  void everyHostileRecordIsRejectedOnceWithAFittingReason(
      KafkaBroker broker, @TempDir Path checkpoints) throws Exception {
    try (PipelineRun run = new PipelineRun(broker, FLINK)) {
      run.start(2, checkpoints);
      List<ScriptedEvent> valid = validTraffic();
      run.produce(valid);
      int heartbeats = run.advanceEventTimePast(T + 60_000, AGENT);
      PipelineRun.await(
          "the first heartbeat applied",
          () -> run.beliefKeys().stream().anyMatch(k -> k.startsWith("heartbeat-")));

      List<Hostile> hostile = new Fuzzer(run, new SplittableRandom(2026)).records();
      Map<String, Hostile> byPosition = new HashMap<>();
      for (Hostile record : hostile) {
        long offset =
            run.produceRaw(record.topic(), record.key(), record.value(), record.timestamp());
        byPosition.put(run.topicName(record.topic()) + "-0@" + offset, record);
      }
      heartbeats += run.advanceEventTimePast(HOSTILE + 600_000, AGENT);
      PipelineRun.await(
          "a rejection for every hostile record",
          () ->
              run.committed(Topic.REJECTED, Rejected.class).stream()
                  .map(HostileInputIT::position)
                  .collect(Collectors.toSet())
                  .containsAll(byPosition.keySet()));

      List<Rejected> rejected = run.committed(Topic.REJECTED, Rejected.class);
      Map<String, Long> perKind = new HashMap<>();
      for (Rejected rejection : rejected) {
        Hostile record = byPosition.remove(position(rejection));
        assertThat(record)
            .as("rejection of a record that was not hostile: %s", rejection)
            .isNotNull();
        assertThat(record.allowed())
            .as(
                "%s rejected as %s: %s",
                record.kind(), rejection.getReasonCode(), rejection.getReason())
            .contains(rejection.getReasonCode());
        assertCarriesBoundedOriginal(rejection, record);
        perKind.merge(record.kind(), 1L, Long::sum);
      }
      assertThat(byPosition).as("hostile records never rejected").isEmpty();
      assertThat(rejected).hasSize(hostile.size());
      List<String> beliefs = run.beliefKeys();
      long validApplied =
          valid.stream().filter(e -> beliefs.contains(e.key() + "@" + e.timestamp())).count();
      assertThat(validApplied)
          .as("valid claims and outcomes applied")
          .isEqualTo(valid.stream().filter(e -> e.topic() != Topic.AGENTS).count());
      assertThat(run.committedKeys(Topic.BELIEFS, Belief.class))
          .as("one proposition id in two domains names two propositions")
          .contains("traffic/london|bridge-0", OTHER_DOMAIN + "|bridge-0");
      assertThat(run.job().getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
      assertThat(run.failures()).isZero();
      System.out.printf(
          "hostile records=%d rejected=%d valid=%d heartbeats=%d by kind=%s%n",
          hostile.size(), rejected.size(), valid.size(), heartbeats, perKind);
    }
  }

  /** The dead letter holds the record whole, or a prefix with the whole size and hash. */
  private static void assertCarriesBoundedOriginal(Rejected rejection, Hostile record)
      throws Exception {
    assertThat(rejection.getOriginalValueSize()).isEqualTo(record.value().length);
    assertThat(rejection.getOriginalKeySize()).isEqualTo(record.key().length);
    assertThat(rejection.getOriginalValue().array())
        .isEqualTo(
            Arrays.copyOf(
                record.value(), Math.min(record.value().length, RecordLimits.MAX_VALUE_BYTES)));
    assertThat(rejection.getOriginalKey().array())
        .isEqualTo(
            Arrays.copyOf(record.key(), Math.min(record.key().length, RecordLimits.MAX_KEY_BYTES)));
    assertThat(rejection.getOriginalValueSha256().array())
        .isEqualTo(MessageDigest.getInstance("SHA-256").digest(record.value()));
  }

  private static String position(Rejected rejection) {
    return rejection.getSourceTopic()
        + "-"
        + rejection.getPartition()
        + "@"
        + rejection.getOffset();
  }

  /**
   * Three registrations, claims on two propositions and on a third with the id of one of them in
   * another domain, and an outcome.
   */
  private static List<ScriptedEvent> validTraffic() {
    List<ScriptedEvent> events = new ArrayList<>();
    events.add(
        new ScriptedEvent(Topic.AGENTS, AGENT, agent(AGENT, IdentityTier.VERIFIED, T + 1), T + 1));
    events.add(
        new ScriptedEvent(
            Topic.AGENTS,
            ScriptedWorld.RESOLVER,
            agent(ScriptedWorld.RESOLVER, IdentityTier.ATTESTED, T + 2),
            T + 2));
    events.add(
        new ScriptedEvent(
            Topic.AGENTS, SQUATTER, agent(SQUATTER, IdentityTier.UNVERIFIED, T + 3), T + 3));
    events.add(
        new ScriptedEvent(
            Topic.AGENTS, VICTIM, agent(VICTIM, IdentityTier.VERIFIED, T + 4), T + 4));
    for (int i = 0; i < 6; i++) {
      Claim claim = signed(claim(AGENT, "bridge-" + (i % 2), T + 10 + i, 0.6 + i * 0.05));
      events.add(new ScriptedEvent(Topic.CLAIMS, claim.getPropositionId(), claim, T + 10 + i));
    }
    Claim elsewhere = signed(claim(AGENT, "bridge-0", T + 20, 0.3).setDomain(OTHER_DOMAIN));
    events.add(new ScriptedEvent(Topic.CLAIMS, "bridge-0", elsewhere, T + 20));
    events.add(
        new ScriptedEvent(
            Topic.OUTCOMES, "bridge-0", signed(outcome("bridge-0", "yes", T + 30)), T + 30));
    return events;
  }

  /** Makes the hostile records, each kind {@link #PER_KIND} times, from one seed. */
  private static final class Fuzzer {
    private static final Set<RejectionReason> UNDECODABLE =
        EnumSet.of(RejectionReason.MALFORMED_BYTES, RejectionReason.UNKNOWN_SCHEMA_ID);

    /**
     * A flipped bit may land anywhere: in the framing, a length, a signed field or the signature.
     */
    private static final Set<RejectionReason> TAMPERED =
        EnumSet.of(
            RejectionReason.MALFORMED_BYTES,
            RejectionReason.UNKNOWN_SCHEMA_ID,
            RejectionReason.INVALID_RECORD,
            RejectionReason.INVALID_PROBABILITIES,
            RejectionReason.UNSIGNED,
            RejectionReason.BAD_SIGNATURE,
            RejectionReason.UNKNOWN_AGENT,
            RejectionReason.UNTRUSTED_RESOLVER);

    private final PipelineRun run;
    private final SplittableRandom random;
    private final List<Hostile> records = new ArrayList<>();
    private long clock = HOSTILE;

    Fuzzer(PipelineRun run, SplittableRandom random) {
      this.run = run;
      this.random = random;
    }

    List<Hostile> records() {
      for (int i = 0; i < PER_KIND; i++) {
        Topic topic = Topic.INPUTS.get(i % Topic.INPUTS.size());
        byte[] noise = new byte[random.nextInt(300)];
        random.nextBytes(noise);
        add("random bytes", topic, noise, UNDECODABLE);
        add("random bytes on the feedback topic", Topic.MODEL_FEEDBACK, noise.clone(), UNDECODABLE);
        add(
            "forged feedback",
            Topic.MODEL_FEEDBACK,
            run.encode(Topic.MODEL_FEEDBACK, forgedFeedback()),
            EnumSet.of(RejectionReason.INVALID_RECORD));

        byte[] whole = run.encode(topic, validRecord(topic));
        add(
            "truncated",
            topic,
            Arrays.copyOf(whole, random.nextInt(whole.length)),
            EnumSet.of(RejectionReason.MALFORMED_BYTES));

        Topic signedTopic = i % 2 == 0 ? Topic.CLAIMS : Topic.OUTCOMES;
        byte[] flipped = run.encode(signedTopic, validRecord(signedTopic));
        int bit = random.nextInt(flipped.length * 8);
        flipped[bit / 8] ^= (byte) (1 << (bit % 8));
        add("bit flip", signedTopic, flipped, TAMPERED);

        addClaim(
            "long id",
            c -> c.setPropositionId("p".repeat(257 + random.nextInt(10_000))),
            RejectionReason.INVALID_RECORD);
        addClaim(
            "oversized record",
            c -> c.setEvidenceIds(List.of("e".repeat(70_000))),
            RejectionReason.INVALID_RECORD);
        addClaim(
            "too many evidence ids",
            c -> c.setEvidenceIds(Collections.nCopies(33 + random.nextInt(100), "e")),
            RejectionReason.INVALID_RECORD);
        double bad = List.of(Double.NaN, Double.POSITIVE_INFINITY, -0.5, 1.5).get(i % 4);
        addClaim(
            "non-probability",
            c -> c.setProbabilities(List.of(bad, 0.5)),
            RejectionReason.INVALID_PROBABILITIES);
        double off = 0.01 + random.nextDouble();
        addClaim(
            "sum is not one",
            c -> c.setProbabilities(List.of(0.5, off)),
            RejectionReason.INVALID_PROBABILITIES);
        addClaim(
            "relabelled outcomes",
            c -> c.setOutcomes(List.of("yes", "no")),
            RejectionReason.INVALID_RECORD);

        double hugeStake = List.of(Double.POSITIVE_INFINITY, Double.NaN, 1e300).get(i % 3);
        addClaim("huge stake", c -> c.setStake(hugeStake), RejectionReason.INVALID_RECORD);
        double negative = -1e-9 - random.nextDouble();
        addClaim("negative stake", c -> c.setStake(negative), RejectionReason.INVALID_RECORD);
        long sentAt = tick();
        Claim backdated =
            signed(
                claim(AGENT, "bridge-1", sentAt - Duration.ofMinutes(10).toMillis(), 0.9)
                    .setClaimId("backdated-" + i));
        addClaim(
            "backdated behind its timestamp",
            backdated,
            sentAt,
            EnumSet.of(RejectionReason.INVALID_RECORD));
        for (int f = 0; f < FORGERIES; f++) {
          long forgedAt = tick();
          Claim forged =
              key("mallory")
                  .sign(
                      TestRecords.NETWORK,
                      claim(VICTIM, "bridge-1", forgedAt, 0.01)
                          .setClaimId("forged-" + forgedAt)
                          .build());
          addClaim(
              "forgery flood",
              forged,
              forgedAt,
              EnumSet.of(RejectionReason.BAD_SIGNATURE, RejectionReason.RATE_LIMITED));
        }

        AgentIdentity selfDeclared = agent(AGENT, IdentityTier.ATTESTED, tick());
        selfDeclared.setStake(1e9);
        selfDeclared.setAuthoritySignature(null);
        add(
            "self-declared registration",
            Topic.AGENTS,
            run.encode(Topic.AGENTS, selfDeclared),
            EnumSet.of(RejectionReason.UNSIGNED));
        AgentIdentity selfIssued = agent(AGENT, IdentityTier.ATTESTED, tick());
        add(
            "registration issued by its own agent",
            Topic.AGENTS,
            run.encode(
                Topic.AGENTS,
                new IdentityAuthority(TestRecords.AUTHORITY.id(), key(AGENT))
                    .sign(TestRecords.NETWORK, selfIssued)),
            EnumSet.of(RejectionReason.BAD_SIGNATURE));
        add(
            "replayed registration",
            Topic.AGENTS,
            run.encode(Topic.AGENTS, agent(AGENT, IdentityTier.VERIFIED, T + 1)),
            EnumSet.of(RejectionReason.SUPERSEDED));

        long squattedAt = tick();
        Claim squat =
            signed(
                claim(SQUATTER, "squat-" + i, squattedAt, 0.5)
                    .setOutcomes(List.of("up", "down"))
                    .setHalfLifeMillis(1L));
        addClaim(
            "squatted proposition",
            squat,
            squattedAt,
            EnumSet.of(RejectionReason.UNKNOWN_PROPOSITION));

        Outcome unknownLabel = outcome("bridge-1", "maybe-" + i, tick());
        add(
            "unknown outcome",
            Topic.OUTCOMES,
            run.encode(Topic.OUTCOMES, signed(unknownLabel)),
            unknownLabel.getObservedAt().toEpochMilli(),
            EnumSet.of(RejectionReason.UNKNOWN_OUTCOME));

        long future =
            System.currentTimeMillis() + Duration.ofMinutes(10 + random.nextInt(40)).toMillis();
        Claim fromTheFuture =
            signed(claim(AGENT, "bridge-1", future, 0.5).setClaimId("future-" + i));
        addClaim("far future", fromTheFuture, future, EnumSet.of(RejectionReason.INVALID_RECORD));
        byte[] bomb =
            ConfluentWireFormat.frame(
                ConfluentWireFormat.schemaId(run.encode(Topic.CLAIMS, validRecord(Topic.CLAIMS))),
                new byte[] {
                  0, 0, 0, 0, 0, (byte) 0xee, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f
                });
        add("collection bomb", Topic.CLAIMS, bomb, EnumSet.of(RejectionReason.MALFORMED_BYTES));
        byte[] huge = new byte[1_040_000 + random.nextInt(4_000)];
        random.nextBytes(huge);
        add("near-megabyte value", topic, huge, EnumSet.of(RejectionReason.INVALID_RECORD));
        byte[] longKey =
            "k"
                .repeat(RecordLimits.MAX_KEY_BYTES + 1 + random.nextInt(60_000))
                .getBytes(StandardCharsets.UTF_8);
        records.add(
            new Hostile(
                "oversized key",
                Topic.CLAIMS,
                longKey,
                run.encode(Topic.CLAIMS, validRecord(Topic.CLAIMS)),
                tick(),
                EnumSet.of(RejectionReason.INVALID_RECORD)));

        long skewed = System.currentTimeMillis() + Duration.ofMinutes(4).toMillis();
        add("garbage just inside the clock skew", Topic.CLAIMS, noise.clone(), skewed, UNDECODABLE);

        long past = T - Duration.ofDays(365 * (1 + random.nextInt(20))).toMillis();
        Claim fromThePast = signed(claim(AGENT, "bridge-1", past, 0.5).setClaimId("past-" + i));
        addClaim("far past", fromThePast, past, EnumSet.of(RejectionReason.LATE));
      }
      return records;
    }

    /** What the job itself would never write: an agent delta whose counts do not fit K = 2. */
    private static Feedback forgedFeedback() {
      return Feedback.newBuilder()
          .setDomain("traffic/london")
          .setAgentId(AGENT)
          .setAgentDelta(
              AgentDelta.newBuilder()
                  .setMatrixSize(2)
                  .setSupervisedCounts(List.of(1e9, 0.0, 0.0))
                  .setConsensusCounts(List.of(0.0, 0.0, 0.0, 0.0))
                  .setCalibrationLogLikelihood(List.of())
                  .setIndependenceLogLikelihood(List.of())
                  .setSupervisedClaims(1)
                  .setCalibrationClaims(0)
                  .setSettledClaims(1)
                  .setSettlementTotal(1e9)
                  .setInformationGainTotal(0)
                  .setLogScoreTotal(0)
                  .setBrierTotal(0)
                  .build())
          .setOpenClaimChanges(List.of())
          .build();
    }

    private SpecificRecord validRecord(Topic topic) {
      long at = tick();
      return switch (topic) {
        case CLAIMS ->
            signed(claim(AGENT, "bridge-1", at, random.nextDouble()).setClaimId("v-" + at));
        case OUTCOMES -> signed(outcome("bridge-1", "yes", at));
        default -> agent("fuzzed-" + at, IdentityTier.UNVERIFIED, at);
      };
    }

    /** {@code claim} as a record on {@code claims} stamped {@code timestamp}. */
    private void addClaim(String kind, Claim claim, long timestamp, Set<RejectionReason> allowed) {
      add(kind, Topic.CLAIMS, run.encode(Topic.CLAIMS, claim), timestamp, allowed);
    }

    /** A claim, signed after {@code change}, that breaks the contract in one way. */
    private void addClaim(
        String kind, Function<Claim.Builder, Claim.Builder> change, RejectionReason reason) {
      long at = tick();
      Claim claim = signed(change.apply(claim(AGENT, "bridge-1", at, 0.5).setClaimId(kind + at)));
      addClaim(kind, claim, at, EnumSet.of(reason));
    }

    private void add(String kind, Topic topic, byte[] value, Set<RejectionReason> allowed) {
      add(kind, topic, value, tick(), allowed);
    }

    private void add(
        String kind, Topic topic, byte[] value, long timestamp, Set<RejectionReason> allowed) {
      records.add(
          new Hostile(
              kind, topic, kind.getBytes(StandardCharsets.UTF_8), value, timestamp, allowed));
    }

    /**
     * The next event time, a millisecond on: all hostile records lie within the allowed
     * out-of-orderness, so none is late behind another that a different topic's source read first.
     */
    private long tick() {
      clock += 1;
      return clock;
    }
  }
}
