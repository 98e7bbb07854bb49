package io.beliefnet.pipeline;

import java.util.Arrays;
import java.util.Objects;

/**
 * A Kafka record exactly as read, before decoding: what is needed to decode it, or to send it to
 * the dead-letter topic with its original bytes and position. A Flink POJO (public fields, no-arg
 * constructor) so that it serializes without Kryo.
 */
public class KafkaInput {
  public String topic;
  public int partition;
  public long offset;
  public long timestamp;
  public byte[] key;
  public byte[] value;

  public KafkaInput() {}

  public KafkaInput(
      String topic, int partition, long offset, long timestamp, byte[] key, byte[] value) {
    this.topic = topic;
    this.partition = partition;
    this.offset = offset;
    this.timestamp = timestamp;
    this.key = key;
    this.value = value;
  }

  /**
   * What stands for the input of an event the job makes itself, {@code what} at processing time
   * {@code timestamp}: there is no record to point at.
   */
  static KafkaInput madeByTheJob(String what, long timestamp) {
    return new KafkaInput(what, -1, -1, timestamp, new byte[0], new byte[0]);
  }

  /** Where the record came from, e.g. {@code claims-1@42}: the key of its dead letter. */
  public String position() {
    return topic + "-" + partition + "@" + offset;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KafkaInput other
        && topic.equals(other.topic)
        && partition == other.partition
        && offset == other.offset
        && timestamp == other.timestamp
        && Arrays.equals(key, other.key)
        && Arrays.equals(value, other.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(topic, partition, offset);
  }

  @Override
  public String toString() {
    return "KafkaInput{" + position() + ", " + (value == null ? 0 : value.length) + " bytes}";
  }
}
