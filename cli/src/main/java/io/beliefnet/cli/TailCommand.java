package io.beliefnet.cli;

import io.beliefnet.registry.AvroRecordDecoder;
import io.beliefnet.registry.HttpSchemaRegistryClient;
import io.beliefnet.registry.WireFormatException;
import io.beliefnet.topics.Topic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code belief tail TOPIC}: prints a topic's records as JSON, one per line, as they arrive. */
@Command(
    name = "tail",
    mixinStandardHelpOptions = true,
    description = "Prints the records of an output topic as JSON lines (committed records only).")
final class TailCommand implements Callable<Integer> {

  /** The topics worth tailing, by the names users type. */
  enum TailTopic {
    beliefs(Topic.BELIEFS),
    reliability(Topic.AGENT_RELIABILITY),
    settlements(Topic.SETTLEMENTS),
    rejected(Topic.REJECTED),
    claims(Topic.CLAIMS),
    outcomes(Topic.OUTCOMES),
    agents(Topic.AGENTS);

    final Topic topic;

    TailTopic(Topic topic) {
      this.topic = topic;
    }
  }

  @Parameters(index = "0", description = "One of: ${COMPLETION-CANDIDATES}.")
  TailTopic topic;

  @Mixin NetworkOptions network;

  @Option(names = "--from-beginning", description = "Start at the earliest record, not the end.")
  boolean fromBeginning;

  @Option(
      names = "--max",
      defaultValue = "-1",
      description = "Stop after this many records; -1 never stops.")
  long max;

  @Override
  public Integer call() {
    AvroRecordDecoder<? extends SpecificRecord> decoder =
        new AvroRecordDecoder<>(
            HttpSchemaRegistryClient.connect(network.registryUrl()), topic.topic.valueType());
    Map<String, Object> config = network.kafkaProperties();
    config.putAll(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            network.bootstrapServers(),
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed",
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            fromBeginning ? "earliest" : "latest",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false,
            ConsumerConfig.GROUP_ID_CONFIG,
            "belief-tail-" + ProcessHandle.current().pid()));
    long printed = 0;
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(network.topicNames().of(topic.topic)));
      while (max < 0 || printed < max) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          System.out.println(render(decoder, record));
          if (++printed == max) {
            break;
          }
        }
      }
    }
    return 0;
  }

  private static String render(
      AvroRecordDecoder<? extends SpecificRecord> decoder, ConsumerRecord<String, byte[]> record) {
    try {
      return decoder.decode(record.value()).toString();
    } catch (WireFormatException e) {
      return "{\"undecodable\": \"" + e.getMessage().replace("\"", "'") + "\"}";
    }
  }
}
