package io.beliefnet.pipeline.kafka;

import io.beliefnet.avro.Rejected;
import io.beliefnet.avro.RejectionReason;
import java.nio.ByteBuffer;
import org.apache.flink.util.OutputTag;

/** Turns an input record that cannot be applied into its dead letter for the `rejected` topic. */
public final class DeadLetters {

  /** Side output that every operator sends its rejections to. */
  public static final OutputTag<Rejected> TAG = new OutputTag<>("rejected") {};

  private DeadLetters() {}

  /** The dead letter of {@code input}: its position, the reason, and its bytes as read. */
  public static Rejected of(KafkaInput input, RejectionReason reason, String message) {
    return Rejected.newBuilder()
        .setSourceTopic(input.topic)
        .setPartition(input.partition)
        .setOffset(input.offset)
        .setReasonCode(reason)
        .setReason(message)
        .setOriginalKey(input.key == null ? null : ByteBuffer.wrap(input.key))
        .setOriginalValue(input.value == null ? null : ByteBuffer.wrap(input.value))
        .setRecordTimestamp(java.time.Instant.ofEpochMilli(input.timestamp))
        .build();
  }
}
