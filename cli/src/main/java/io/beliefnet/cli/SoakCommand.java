package io.beliefnet.cli;

import io.beliefnet.avro.AgentIdentity;
import io.beliefnet.avro.Belief;
import io.beliefnet.avro.Claim;
import io.beliefnet.avro.IdentityTier;
import io.beliefnet.avro.RejectionReason;
import io.beliefnet.pipeline.RunningJob;
import io.beliefnet.registry.AvroRecordDecoder;
import io.beliefnet.registry.AvroWireSerializer;
import io.beliefnet.registry.HttpSchemaRegistryClient;
import io.beliefnet.signing.AgentKey;
import io.beliefnet.topics.Topic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code belief soak}: honest traffic mixed with hostile records for a long while, through the
 * local stack. Honest agents claim at a steady rate, each claim signed and stamped when sent; a
 * share of all records sent is hostile: random bytes, claims forged or unsigned under a registered
 * agent's id (a victim's, not an honest agent's: forgeries spend the failure allowance of the id
 * they name), self-declared registrations and claims from the far future. Prints a line a minute,
 * and at the end the honest claims' latency (sent to belief readable), how many records were
 * produced, applied and rejected, how often the job failed, and the resident memory of this process
 * (the job and the harness) at the start and the end.
 */
@Command(
    name = "soak",
    mixinStandardHelpOptions = true,
    description =
        "Runs honest claims mixed with hostile records through the local stack for a while and"
            + " reports latency, what became of every record, job failures and memory.")
final class SoakCommand implements Callable<Integer> {

  private static final int PROPOSITIONS = 5_000;
  private static final int DOMAINS = 8;
  private static final String VICTIM = "soak-victim";

  /** How long the last honest claims may take to come back once sending stops. */
  private static final Duration DRAIN = Duration.ofSeconds(60);

  /** While sending behind its pace, the soak reads beliefs after this many honest claims. */
  private static final int READ_WHILE_BEHIND_EVERY = 256;

  private static final String[] HOSTILE_KINDS = {
    "random bytes", "forged claim", "unsigned claim", "self-declared registration", "far future"
  };

  @Spec CommandSpec spec;

  @Option(
      names = "--minutes",
      defaultValue = "30",
      description = "How long to send (default: ${DEFAULT-VALUE}).")
  double minutes;

  @Option(
      names = "--hostile-share",
      defaultValue = "0.3",
      description =
          "Share of all records sent that are hostile, 0 to 0.9 (default: ${DEFAULT-VALUE}).")
  double hostileShare;

  @Option(
      names = "--claims-per-second",
      defaultValue = "100",
      description = "Honest claims a second (default: ${DEFAULT-VALUE}).")
  int claimsPerSecond;

  @Option(
      names = "--agents",
      defaultValue = "100",
      description = "Honest agents (default: ${DEFAULT-VALUE}).")
  int agents;

  @Option(
      names = "--state-dir",
      defaultValue = ".belief/soak",
      description = "State folder, wiped at start (default: ${DEFAULT-VALUE}).")
  Path stateDir;

  private final SplittableRandom random = new SplittableRandom(7);
  private final List<AgentKey> keys = new ArrayList<>();
  private final Map<String, ArrayDeque<Long>> sentAt = new HashMap<>();
  private final List<Long> latencies = new ArrayList<>();
  private final Map<String, Integer> hostileByKind = new TreeMap<>();
  private long honest;
  private int hostile;

  @Override
  public Integer call() throws Exception {
    if (!(minutes > 0) || !(hostileShare >= 0 && hostileShare <= 0.9) || claimsPerSecond < 1) {
      throw new ParameterException(
          spec.commandLine(),
          "--minutes must be > 0, --hostile-share within 0 and 0.9, --claims-per-second >= 1");
    }
    try (LocalStack stack = LocalStack.start(stateDir.toAbsolutePath(), 0);
        KafkaProducer<String, SpecificRecord> producer = StackClients.producer(stack);
        KafkaProducer<byte[], byte[]> raw = StackClients.rawProducer(stack);
        KafkaConsumer<byte[], byte[]> beliefs = StackClients.consumerAtEnd(stack, Topic.BELIEFS)) {
      AvroWireSerializer<SpecificRecord> encoder =
          new AvroWireSerializer<>(HttpSchemaRegistryClient.connect(stack.registryUrl()));
      AvroRecordDecoder<Belief> decoder =
          new AvroRecordDecoder<>(
              HttpSchemaRegistryClient.connect(stack.registryUrl()), Belief.class);
      int registrations = register(producer);
      long residentAtStart = residentBytes();
      long start = System.currentTimeMillis();
      long end = start + (long) (minutes * 60_000);
      double hostilePerHonest = hostileShare / (1 - hostileShare);
      double hostileOwed = 0;
      long nextReport = start + 60_000;
      for (long now = start; now < end; now = System.currentTimeMillis()) {
        long due = start + honest * 1000 / claimsPerSecond;
        if (now >= due) {
          sendHonest(producer);
          hostileOwed += hostilePerHonest;
          for (; hostileOwed >= 1; hostileOwed--) {
            sendHostile(producer, raw, encoder);
          }
          if (honest % READ_WHILE_BEHIND_EVERY == 0) {
            poll(beliefs, decoder, Duration.ZERO); // a sender behind its pace still reads
          }
        } else {
          poll(beliefs, decoder, Duration.ofMillis(Math.min(50, due - now)));
        }
        if (now >= nextReport) {
          System.out.printf(
              "minute %d: honest claims sent=%d applied=%d%n",
              (nextReport - start) / 60_000, honest, latencies.size());
          nextReport += 60_000;
        }
      }
      producer.flush();
      raw.flush();
      long drainUntil = System.currentTimeMillis() + DRAIN.toMillis();
      while (latencies.size() < honest && System.currentTimeMillis() < drainUntil) {
        poll(beliefs, decoder, Duration.ofMillis(500));
      }
      report(stack, registrations, residentAtStart);
    }
    return 0;
  }

  /** Registers the honest agents and the victim of forgeries, issued by the local authority. */
  private int register(KafkaProducer<String, SpecificRecord> producer) {
    long at = System.currentTimeMillis();
    for (int a = 0; a <= agents; a++) {
      keys.add(AgentKey.fromSeed(a));
      String id = a < agents ? agent(a) : VICTIM;
      AgentIdentity identity =
          LocalStack.authority()
              .sign(
                  LocalStack.NETWORK,
                  AgentIdentity.newBuilder()
                      .setAgentId(id)
                      .setPublicKey(keys.get(a).publicKey())
                      .setTier(IdentityTier.VERIFIED)
                      .setController("controller-" + a)
                      .setStake(0.0)
                      .setRegisteredAt(Instant.ofEpochMilli(at))
                      .build());
      producer.send(new ProducerRecord<>(Topic.AGENTS.defaultName(), null, at, id, identity));
    }
    producer.flush();
    return agents + 1;
  }

  private void sendHonest(KafkaProducer<String, SpecificRecord> producer) {
    int a = (int) (honest % agents);
    Claim claim =
        keys.get(a)
            .sign(
                LocalStack.NETWORK, claim(agent(a), "soak-" + honest, System.currentTimeMillis()));
    long at = claim.getEventTime().toEpochMilli();
    sentAt
        .computeIfAbsent(claim.getPropositionId() + "@" + at, k -> new ArrayDeque<>())
        .add(System.currentTimeMillis());
    producer.send(
        new ProducerRecord<>(
            Topic.CLAIMS.defaultName(), null, at, claim.getPropositionId(), claim));
    honest++;
  }

  /** One hostile record of the next kind in turn. */
  private void sendHostile(
      KafkaProducer<String, SpecificRecord> producer,
      KafkaProducer<byte[], byte[]> raw,
      AvroWireSerializer<SpecificRecord> encoder) {
    String kind = HOSTILE_KINDS[hostile % HOSTILE_KINDS.length];
    hostileByKind.merge(kind, 1, Integer::sum);
    String id = "hostile-" + hostile++;
    long now = System.currentTimeMillis();
    switch (kind) {
      case "random bytes" -> {
        byte[] noise = new byte[1 + random.nextInt(300)];
        random.nextBytes(noise);
        raw.send(
            new ProducerRecord<>(
                Topic.CLAIMS.defaultName(), null, now, id.getBytes(StandardCharsets.UTF_8), noise));
      }
      case "forged claim" ->
          send(
              producer,
              Topic.CLAIMS,
              keys.get(0).sign(LocalStack.NETWORK, claim(VICTIM, id, now)),
              now);
      case "unsigned claim" -> send(producer, Topic.CLAIMS, claim(VICTIM, id, now), now);
      case "self-declared registration" ->
          send(
              producer,
              Topic.AGENTS,
              AgentIdentity.newBuilder()
                  .setAgentId(id)
                  .setPublicKey(keys.get(0).publicKey())
                  .setTier(IdentityTier.ATTESTED)
                  .setController(id)
                  .setStake(1e9)
                  .setRegisteredAt(Instant.ofEpochMilli(now))
                  .build(),
              now);
      default -> {
        long future = now + Duration.ofHours(1).toMillis();
        byte[] value =
            encoder.serialize(
                Topic.CLAIMS.defaultName(),
                keys.get(agents).sign(LocalStack.NETWORK, claim(VICTIM, id, future)));
        raw.send(
            new ProducerRecord<>(
                Topic.CLAIMS.defaultName(),
                null,
                future,
                id.getBytes(StandardCharsets.UTF_8),
                value));
      }
    }
  }

  private static void send(
      KafkaProducer<String, SpecificRecord> producer,
      Topic topic,
      SpecificRecord record,
      long timestamp) {
    producer.send(new ProducerRecord<>(topic.defaultName(), null, timestamp, "hostile", record));
  }

  /** A claim of {@code agentId} on one of the soak's propositions, by {@code claimId}. */
  private Claim claim(String agentId, String claimId, long at) {
    int proposition = random.nextInt(PROPOSITIONS);
    return Claim.newBuilder()
        .setClaimId(claimId)
        .setAgentId(agentId)
        .setPropositionId("soak/p" + proposition)
        .setDomain("soak/" + proposition % DOMAINS)
        .setOutcomes(List.of("no", "yes"))
        .setProbabilities(random.nextBoolean() ? List.of(0.2, 0.8) : List.of(0.7, 0.3))
        .setEventTime(Instant.ofEpochMilli(at))
        .build();
  }

  private static String agent(int a) {
    return "soak-agent-" + a;
  }

  /** Notes when each honest claim's first belief was read. */
  private void poll(
      KafkaConsumer<byte[], byte[]> beliefs, AvroRecordDecoder<Belief> decoder, Duration wait) {
    for (ConsumerRecord<byte[], byte[]> record : beliefs.poll(wait)) {
      Belief belief = decoder.decode(record.value());
      // several claims on one proposition in one millisecond each publish a belief stamped then
      String key = belief.getPropositionId() + "@" + belief.getUpdatedAt().toEpochMilli();
      ArrayDeque<Long> sent = sentAt.get(key);
      if (sent != null) {
        latencies.add(System.currentTimeMillis() - sent.poll());
        if (sent.isEmpty()) {
          sentAt.remove(key);
        }
      }
    }
  }

  private void report(LocalStack stack, int registrations, long residentAtStart) throws Exception {
    Map<RejectionReason, Integer> rejected = StackClients.deadLettersByReason(stack);
    int rejectedTotal = rejected.values().stream().mapToInt(Integer::intValue).sum();
    long produced = registrations + honest + hostile;
    long applied = registrations + latencies.size();
    long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    System.out.printf(
        "soak minutes=%.1f hostile_share=%.2f honest_claims=%d hostile_records=%d %s%n",
        minutes, hostileShare, honest, hostile, hostileByKind);
    System.out.printf(
        "honest_latency_ms p50=%d p95=%d p99=%d max=%d (applied %d of %d)%n",
        percentile(sorted, 0.50),
        percentile(sorted, 0.95),
        percentile(sorted, 0.99),
        sorted.length == 0 ? -1 : sorted[sorted.length - 1],
        sorted.length,
        honest);
    System.out.printf(
        "records produced=%d applied=%d rejected=%d unaccounted=%d rejected_by_reason=%s%n",
        produced, applied, rejectedTotal, produced - applied - rejectedTotal, rejected);
    System.out.printf(
        "job_failures=%d resident_memory_mb start=%d end=%d%n",
        RunningJob.failures(stack.flinkRestUrl(), stack.job().getJobID()),
        residentAtStart >> 20,
        residentBytes() >> 20);
  }

  private static long percentile(long[] sorted, double q) {
    return sorted.length == 0
        ? -1
        : sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  }

  /** This process's resident memory (Linux), or -1 where it cannot be read. */
  private static long residentBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException unreadable) {
      // not Linux: reported as -1
    }
    return -1;
  }
}
