package io.beliefnet.pipeline.kafka;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Passes every Kafka record on as raw bytes with its position. Decoding happens downstream, where
 * a record that cannot be decoded becomes a dead letter instead of failing the source.
 */
public final class KafkaInputDeserializer implements KafkaRecordDeserializationSchema<KafkaInput> {

  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<KafkaInput> out) {
    out.collect(
        new KafkaInput(
            record.topic(),
            record.partition(),
            record.offset(),
            record.timestamp(),
            record.key(),
            record.value()));
  }

  @Override
  public TypeInformation<KafkaInput> getProducedType() {
    return TypeInformation.of(KafkaInput.class);
  }
}
