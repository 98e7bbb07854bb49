package io.beliefnet.pipeline;

/**
 * The largest key and value of an input record the job accepts. Anything larger is refused before
 * decoding, and a dead letter carries no more than these, so that what the job keeps and writes is
 * bounded whatever a writer sends.
 */
public final class RecordLimits {

  /** Keys are ids of at most 256 code points: 1,024 bytes in UTF-8. */
  public static final int MAX_KEY_BYTES = 1024;

  /** The largest valid claim is about 30 KB. */
  public static final int MAX_VALUE_BYTES = 64 * 1024;

  private RecordLimits() {}
}
