package io.beliefnet.pipeline;

import io.beliefnet.avro.Rejected;
import io.beliefnet.avro.RejectionReason;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import org.apache.flink.util.OutputTag;

/**
 * Turns an input record that cannot be applied into its dead letter for the `rejected` topic.
 *
 * <p>A dead letter is bounded whatever the record's size: it carries at most the {@link
 * RecordLimits} of the key and value (all of any record the job could accept) and {@link
 * #MAX_REASON_CHARS} of the reason, plus the whole sizes and the value's SHA-256. A broker accepts
 * records up to its {@code message.max.bytes}, compressed; copying such a record whole would make a
 * dead letter larger than the sink's {@code max.request.size}, and the sink's failure would restart
 * the job on the same record forever.
 */
public final class DeadLetters {

  /** Side output that every operator sends its rejections to. */
  public static final OutputTag<Rejected> TAG = new OutputTag<>("rejected") {};

  /** Longest reason kept; reasons quote offending values, which may be long. */
  public static final int MAX_REASON_CHARS = 2048;

  private DeadLetters() {}

  /** The dead letter of {@code input}: its position, the reason, and its bytes as read. */
  public static Rejected of(KafkaInput input, RejectionReason reason, String message) {
    return Rejected.newBuilder()
        .setSourceTopic(input.topic)
        .setPartition(input.partition)
        .setOffset(input.offset)
        .setReasonCode(reason)
        .setReason(shortened(message))
        .setOriginalKey(prefix(input.key, RecordLimits.MAX_KEY_BYTES))
        .setOriginalKeySize(input.key == null ? null : input.key.length)
        .setOriginalValue(prefix(input.value, RecordLimits.MAX_VALUE_BYTES))
        .setOriginalValueSize(input.value == null ? null : input.value.length)
        .setOriginalValueSha256(input.value == null ? null : sha256(input.value))
        .setRecordTimestamp(Instant.ofEpochMilli(input.timestamp))
        .build();
  }

  private static String shortened(String message) {
    return message.length() <= MAX_REASON_CHARS
        ? message
        : message.substring(0, MAX_REASON_CHARS) + "… (" + message.length() + " characters)";
  }

  private static ByteBuffer prefix(byte[] bytes, int limit) {
    if (bytes == null) {
      return null;
    }
    return ByteBuffer.wrap(bytes.length <= limit ? bytes : Arrays.copyOf(bytes, limit));
  }

  private static ByteBuffer sha256(byte[] bytes) {
    try {
      return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
