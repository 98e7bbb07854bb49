package io.beliefnet.signing;

import java.nio.ByteBuffer;

/** Copies of the byte fields of Avro records, which hold them as buffers. */
final class Bytes {

  private Bytes() {}

  /** The remaining bytes of {@code buffer}, copied without moving its position. */
  static byte[] of(ByteBuffer buffer) {
    byte[] copy = new byte[buffer.remaining()];
    buffer.duplicate().get(copy);
    return copy;
  }
}
