package io.beliefnet.registry;

import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * Walks Avro binary data against its writer schema before Avro reads it, and refuses any length or
 * item count that the bytes left cannot hold. Avro allocates a string, bytes value or array from
 * the length a record declares before reading it, so without this walk a 20-byte record that
 * declares two billion items makes the reader allocate gigabytes. After the walk passes, every
 * allocation the reader makes is bounded by the record's own size.
 */
final class AvroSizeCheck {

  /** Items of a collection whose items may take no bytes at all (nulls, empty records). */
  static final int MAX_ZERO_WIDTH_ITEMS = 1024;

  /** Nesting depth refused, so that a recursive schema cannot exhaust the stack. */
  static final int MAX_DEPTH = 64;

  private final byte[] bytes;
  private final int end;
  private final Map<Schema, Integer> minimumSizes = new IdentityHashMap<>();
  private int position;

  private AvroSizeCheck(byte[] bytes, int offset, int length) {
    this.bytes = bytes;
    this.position = offset;
    this.end = offset + length;
  }

  /**
   * Checks the datum of {@code schema} in {@code bytes[offset, offset + length)}.
   *
   * @throws IllegalArgumentException naming the first length, count or tag that cannot be right
   */
  static void check(Schema schema, byte[] bytes, int offset, int length) {
    new AvroSizeCheck(bytes, offset, length).walk(schema, 0);
  }

  private void walk(Schema schema, int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException("nested deeper than " + MAX_DEPTH + " levels");
    }
    switch (schema.getType()) {
      case NULL -> {}
      case BOOLEAN -> skip(1);
      case INT, LONG, ENUM -> readLong();
      case FLOAT -> skip(4);
      case DOUBLE -> skip(8);
      case FIXED -> skip(schema.getFixedSize());
      case STRING, BYTES -> skip(length("string or bytes", readLong()));
      case RECORD -> {
        for (Schema.Field field : schema.getFields()) {
          walk(field.schema(), depth + 1);
        }
      }
      case UNION -> {
        long branch = readLong();
        if (branch < 0 || branch >= schema.getTypes().size()) {
          throw new IllegalArgumentException(
              "union branch " + branch + " of " + schema.getTypes().size());
        }
        walk(schema.getTypes().get((int) branch), depth + 1);
      }
      case ARRAY -> items(schema.getElementType(), null, depth);
      case MAP -> items(schema.getValueType(), Schema.create(Schema.Type.STRING), depth);
    }
  }

  /** Blocks of a collection: a count (negative: followed by the block's byte size), items, 0. */
  private void items(Schema item, Schema mapKey, int depth) {
    int itemSize = minimumSize(item) + (mapKey == null ? 0 : 1);
    long total = 0;
    for (long count = readLong(); count != 0; count = readLong()) {
      if (count < 0) {
        count = -count;
        length("block size", readLong());
      }
      total += count;
      long room = itemSize == 0 ? MAX_ZERO_WIDTH_ITEMS : (end - position) / itemSize;
      if (count < 0 || total > room) {
        throw new IllegalArgumentException(
            "collection declares "
                + total
                + " items; "
                + (end - position)
                + " bytes left hold at most "
                + room);
      }
      for (long i = 0; i < count; i++) {
        if (mapKey != null) {
          walk(mapKey, depth + 1);
        }
        walk(item, depth + 1);
      }
    }
  }

  /** The fewest bytes a datum of {@code schema} can take. */
  private int minimumSize(Schema schema) {
    Integer known = minimumSizes.get(schema);
    if (known != null) {
      return known;
    }
    minimumSizes.put(schema, 0); // a recursive reference counts as empty while it is computed
    int size =
        switch (schema.getType()) {
          case NULL -> 0;
          case FLOAT -> 4;
          case DOUBLE -> 8;
          case FIXED -> schema.getFixedSize();
          case RECORD -> schema.getFields().stream().mapToInt(f -> minimumSize(f.schema())).sum();
          case UNION -> 1 + schema.getTypes().stream().mapToInt(this::minimumSize).min().orElse(0);
          default -> 1;
        };
    minimumSizes.put(schema, size);
    return size;
  }

  private int length(String what, long declared) {
    if (declared < 0 || declared > end - position) {
      throw new IllegalArgumentException(
          what
              + " of "
              + declared
              + " bytes at byte "
              + position
              + ", but "
              + (end - position)
              + " bytes are left");
    }
    return (int) declared;
  }

  private void skip(int count) {
    position += length("value", count);
  }

  /** Avro's zig-zag varint, at most 10 bytes. */
  private long readLong() {
    long raw = 0;
    for (int shift = 0; shift < 70; shift += 7) {
      if (position >= end) {
        throw new IllegalArgumentException("record ends inside a number");
      }
      int b = bytes[position++] & 0xff;
      raw |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return (raw >>> 1) ^ -(raw & 1);
      }
    }
    throw new IllegalArgumentException("number longer than 10 bytes at byte " + position);
  }
}
