package io.beliefnet.pipeline.kafka;

import io.beliefnet.pipeline.InputDecoder;
import io.beliefnet.pipeline.InputEvent;
import io.beliefnet.pipeline.KafkaInput;
import io.beliefnet.registry.HttpSchemaRegistryClient;
import io.beliefnet.topics.Topic;
import java.time.Duration;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Decodes each Kafka record of one input topic in the source itself, so that the source's
 * per-partition watermarks are made from decoded records only ({@link DecodedEventWatermarks}). A
 * record that cannot be decoded is passed on as a rejected event with its dead letter, never
 * thrown: a failing deserializer would stop the job on the same offset forever.
 */
public final class DecodingDeserializer implements KafkaRecordDeserializationSchema<InputEvent> {

  private static final long serialVersionUID = 1L;

  private final Topic topic;
  private final String registryUrl;
  private final Duration maxClockSkew;
  private final Duration maxOutOfOrderness;
  private transient InputDecoder decoder;

  public DecodingDeserializer(
      Topic topic, String registryUrl, Duration maxClockSkew, Duration maxOutOfOrderness) {
    this.topic = topic;
    this.registryUrl = registryUrl;
    this.maxClockSkew = maxClockSkew;
    this.maxOutOfOrderness = maxOutOfOrderness;
  }

  @Override
  public void open(DeserializationSchema.InitializationContext context) {
    decoder =
        new InputDecoder(
            topic, HttpSchemaRegistryClient.connect(registryUrl), maxClockSkew, maxOutOfOrderness);
  }

  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<InputEvent> out) {
    out.collect(decoder.decode(input(record)));
  }

  /** The record as the job keeps it: its position, timestamp and bytes. */
  static KafkaInput input(ConsumerRecord<byte[], byte[]> record) {
    return new KafkaInput(
        record.topic(),
        record.partition(),
        record.offset(),
        record.timestamp(),
        record.key(),
        record.value());
  }

  @Override
  public TypeInformation<InputEvent> getProducedType() {
    return TypeInformation.of(InputEvent.class);
  }
}
