package io.beliefnet.topics;

import io.beliefnet.avro.AgentIdentity;
import io.beliefnet.avro.AgentReliability;
import io.beliefnet.avro.Belief;
import io.beliefnet.avro.Claim;
import io.beliefnet.avro.EvidenceRequest;
import io.beliefnet.avro.Feedback;
import io.beliefnet.avro.Outcome;
import io.beliefnet.avro.Rejected;
import io.beliefnet.avro.Settlement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/**
 * The topics of the network, with the Avro type of their values and their retention. Keys are UTF-8
 * strings (see {@link #keyDescription()}); values use the Confluent wire format under the subject
 * {@code <topic>-value}.
 */
public enum Topic {
  CLAIMS("claims", Claim.class, false, "proposition id"),
  OUTCOMES("outcomes", Outcome.class, false, "proposition id"),
  AGENTS("agents", AgentIdentity.class, true, "agent id"),
  BELIEFS("beliefs", Belief.class, true, "domain|propositionId"),
  AGENT_RELIABILITY("agent-reliability", AgentReliability.class, true, "agentId|domain"),
  SETTLEMENTS("settlements", Settlement.class, false, "agent id"),
  EVIDENCE_REQUESTS("evidence-requests", EvidenceRequest.class, false, "agent id"),
  REJECTED("rejected", Rejected.class, false, "<source topic>-<partition>@<offset>"),
  MODEL_FEEDBACK("model-feedback", Feedback.class, false, "agentId|domain, or domain");

  /** The topics agents and resolvers write and the job reads. */
  public static final List<Topic> INPUTS = List.of(CLAIMS, OUTCOMES, AGENTS);

  /** The topics only the job writes, for others to read. */
  public static final List<Topic> OUTPUTS =
      List.of(BELIEFS, AGENT_RELIABILITY, SETTLEMENTS, EVIDENCE_REQUESTS, REJECTED);

  /**
   * The topics the job writes for itself to read back: what proposition-keyed state teaches
   * agent-keyed and domain-keyed state, a loop Flink's dataflow cannot close.
   */
  public static final List<Topic> INTERNAL = List.of(MODEL_FEEDBACK);

  private final String defaultName;
  private final Class<? extends SpecificRecord> valueType;
  private final boolean compacted;
  private final String keyDescription;

  Topic(
      String defaultName,
      Class<? extends SpecificRecord> valueType,
      boolean compacted,
      String keyDescription) {
    this.defaultName = defaultName;
    this.valueType = valueType;
    this.compacted = compacted;
    this.keyDescription = keyDescription;
  }

  /** The topic's name unless configuration overrides it. */
  public String defaultName() {
    return defaultName;
  }

  /** The generated Avro class of the topic's values. */
  public Class<? extends SpecificRecord> valueType() {
    return valueType;
  }

  /** Whether the topic keeps only the latest value per key ({@code cleanup.policy=compact}). */
  public boolean compacted() {
    return compacted;
  }

  /**
   * How long the topic keeps a record, counted from its timestamp; empty for ever. Input and output
   * records carry their event time as timestamp, which for replayed data is older than any
   * retention, so they are kept; the feedback topic's records carry the wall-clock time they were
   * written at and are needed only until the job has read them back, or restored from a checkpoint
   * before that.
   */
  public Optional<Duration> retention() {
    return this == MODEL_FEEDBACK ? Optional.of(Duration.ofDays(7)) : Optional.empty();
  }

  /** What the record key holds. */
  public String keyDescription() {
    return keyDescription;
  }
}
