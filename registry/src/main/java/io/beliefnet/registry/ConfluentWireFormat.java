package io.beliefnet.registry;

import io.beliefnet.registry.WireFormatException.Reason;
import java.nio.ByteBuffer;

/**
 * The Confluent wire format: magic byte 0, the schema id as a 4-byte big-endian int, then the Avro
 * binary encoding of the record. Kafka tooling built for Confluent's serializers reads it.
 */
public final class ConfluentWireFormat {

  public static final byte MAGIC_BYTE = 0;
  public static final int HEADER_LENGTH = 5;

  private ConfluentWireFormat() {}

  /** Frames {@code avroBinary}, written with schema {@code schemaId}. */
  public static byte[] frame(int schemaId, byte[] avroBinary) {
    return ByteBuffer.allocate(HEADER_LENGTH + avroBinary.length)
        .put(MAGIC_BYTE)
        .putInt(schemaId)
        .put(avroBinary)
        .array();
  }

  /**
   * The schema id in the header of {@code framed}.
   *
   * @throws WireFormatException with {@code MALFORMED_BYTES} if the bytes are not framed
   */
  public static int schemaId(byte[] framed) {
    if (framed == null || framed.length < HEADER_LENGTH) {
      throw new WireFormatException(
          Reason.MALFORMED_BYTES,
          "value of "
              + (framed == null ? "null" : framed.length + " bytes")
              + " is shorter than"
              + " the 5-byte Confluent header: produce with a Confluent-compatible Avro serializer");
    }
    if (framed[0] != MAGIC_BYTE) {
      throw new WireFormatException(
          Reason.MALFORMED_BYTES,
          String.format(
              "value of %d bytes starts with 0x%02x, expected magic byte 0x00: the producer did"
                  + " not use the Confluent Avro wire format; produce with a Confluent-compatible"
                  + " Avro serializer",
              framed.length, framed[0]));
    }
    return ByteBuffer.wrap(framed, 1, 4).getInt();
  }
}
