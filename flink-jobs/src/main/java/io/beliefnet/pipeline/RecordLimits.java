package io.beliefnet.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The largest key and value of an input record the job accepts, and how far ahead of the job's
 * clock its timestamp may be. Anything larger is refused before decoding, and a dead letter carries
 * no more than these, so that what the job keeps and writes is bounded whatever a writer sends.
 */
public final class RecordLimits {

  /** Keys are ids of at most 256 code points: 1,024 bytes in UTF-8. */
  public static final int MAX_KEY_BYTES = 1024;

  /** The largest valid claim is about 30 KB. */
  public static final int MAX_VALUE_BYTES = 64 * 1024;

  private RecordLimits() {}

  /**
   * What is wrong with a record before it is decoded, or empty: a key or value over the limits, or
   * a timestamp further ahead of the job's clock than {@code maxClockSkewMillis}.
   */
  static Optional<String> problem(KafkaInput input, long maxClockSkewMillis) {
    if (input.value != null && input.value.length > MAX_VALUE_BYTES) {
      return Optional.of(
          "record "
              + input.position()
              + " is "
              + input.value.length
              + " bytes, more than the "
              + MAX_VALUE_BYTES
              + " accepted: ids, labels and evidence lists have documented limits");
    }
    if (input.key != null && input.key.length > MAX_KEY_BYTES) {
      return Optional.of(
          "record "
              + input.position()
              + " has a key of "
              + input.key.length
              + " bytes, more than"
              + " the "
              + MAX_KEY_BYTES
              + " accepted: key records by their"
              + " proposition or agent id, which are at most 256 code points");
    }
    if (input.timestamp - System.currentTimeMillis() > maxClockSkewMillis) {
      return Optional.of(
          "record "
              + input.position()
              + " has timestamp "
              + Instant.ofEpochMilli(input.timestamp)
              + ", more than "
              + Duration.ofMillis(maxClockSkewMillis)
              + " ahead of the job's clock: stamp"
              + " records with their event time, and check the producer's clock");
    }
    return Optional.empty();
  }
}
