package io.beliefnet.pipeline;

import io.beliefnet.avro.AgentIdentity;
import io.beliefnet.avro.Claim;
import io.beliefnet.avro.Outcome;
import io.beliefnet.pipeline.kafka.KafkaTopics;
import io.beliefnet.topics.Topic;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;

/**
 * A script's records of one input topic as an in-memory source of decoded events, in script order,
 * each stamped with its event time as the Kafka source would stamp it.
 */
final class ScriptSource implements GeneratorFunction<Long, InputEvent> {
  private static final long serialVersionUID = 1L;

  private final String topic;
  private final ArrayList<SpecificRecord> values = new ArrayList<>();
  private final ArrayList<Long> timestamps = new ArrayList<>();

  private ScriptSource(String topic) {
    this.topic = topic;
  }

  /**
   * The script's three input topics as sources, and the feedback topic of the Kafka cluster {@code
   * config} names.
   */
  static JobSources of(List<ScriptedEvent> script, BeliefJobConfig config) {
    return sources(script, RateLimiterStrategy.noOp(), config);
  }

  /** As {@link #of}, each input source emitting at most {@code perSecond} events a second. */
  static JobSources throttled(List<ScriptedEvent> script, int perSecond, BeliefJobConfig config) {
    return sources(script, RateLimiterStrategy.perSecond(perSecond), config);
  }

  private static JobSources sources(
      List<ScriptedEvent> script, RateLimiterStrategy rate, BeliefJobConfig config) {
    return new JobSources(
        source(script, Topic.CLAIMS, rate),
        source(script, Topic.OUTCOMES, rate),
        source(script, Topic.AGENTS, rate),
        KafkaTopics.feedbackSource(config));
  }

  private static DataGeneratorSource<InputEvent> source(
      List<ScriptedEvent> script, Topic topic, RateLimiterStrategy rate) {
    ScriptSource records = new ScriptSource(topic.defaultName());
    for (ScriptedEvent event : script) {
      if (event.topic() == topic) {
        records.values.add(event.value());
        records.timestamps.add(event.timestamp());
      }
    }
    return new DataGeneratorSource<>(
        records, records.values.size(), rate, TypeInformation.of(InputEvent.class));
  }

  @Override
  public InputEvent map(Long index) {
    int i = index.intValue();
    KafkaInput position = new KafkaInput(topic, 0, i, timestamps.get(i), null, new byte[0]);
    SpecificRecord value = values.get(i);
    if (value instanceof Claim claim) {
      return InputEvent.ofClaim(position, claim);
    }
    if (value instanceof Outcome outcome) {
      return InputEvent.ofOutcome(position, outcome);
    }
    return InputEvent.ofAgent(position, (AgentIdentity) value);
  }
}
