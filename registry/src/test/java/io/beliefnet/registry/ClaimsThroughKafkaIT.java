package io.beliefnet.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.beliefnet.avro.Claim;
import io.beliefnet.kafka.KafkaBroker;
import io.beliefnet.kafka.KafkaBrokerExtension;
import io.beliefnet.topics.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Claims travel through a real broker in the Confluent wire format, via the real registry. */
@ExtendWith(KafkaBrokerExtension.class)
class ClaimsThroughKafkaIT {

  @Test
  void producedClaimsAreConsumedBackEqual(KafkaBroker broker) {
    List<Claim> sent =
        IntStream.range(0, 20).mapToObj(i -> SampleClaims.claim("claim-" + i)).toList();
    try (DevSchemaRegistryServer registry = DevSchemaRegistryServer.start(0)) {
      String topic = Topic.CLAIMS.defaultName();
      try (KafkaProducer<String, Claim> producer =
          new KafkaProducer<>(
              Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
              new StringSerializer(),
              new AvroWireSerializer<Claim>(HttpSchemaRegistryClient.connect(registry.url())))) {
        for (Claim claim : sent) {
          producer.send(new ProducerRecord<>(topic, claim.getPropositionId(), claim));
        }
      }

      List<ConsumerRecord<String, byte[]>> raw = consumeAll(broker, topic, sent.size());
      AvroWireDeserializer<Claim> deserializer = new AvroWireDeserializer<>(Claim.class);
      deserializer.configure(Map.of(AvroWireSerializer.REGISTRY_URL_CONFIG, registry.url()), false);
      List<Claim> received = new ArrayList<>();
      for (ConsumerRecord<String, byte[]> record : raw) {
        assertThat(record.value()[0]).as("magic byte").isZero();
        assertThat(ConfluentWireFormat.schemaId(record.value())).isEqualTo(1);
        received.add(deserializer.deserialize(topic, record.value()));
      }

      assertThat(received).containsExactlyElementsOf(sent);
      assertThat(HttpSchemaRegistryClient.connect(registry.url()).schemaById(1))
          .isEqualTo(Claim.getClassSchema());
    }
  }

  private static List<ConsumerRecord<String, byte[]>> consumeAll(
      KafkaBroker broker, String topic, int expected) {
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "claims-through-kafka",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (records.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(500)).forEach(records::add);
      }
    }
    return records;
  }
}
