package io.beliefnet.registry;

import io.beliefnet.registry.WireFormatException.Reason;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;

/**
 * Reads Confluent-framed Avro records into one Avro class, resolving each writer schema (fetched by
 * id, cached) against the class's schema, so that records written with any compatible version
 * decode. Every failure is a {@link WireFormatException}; nothing else escapes for any input bytes,
 * and no input makes it allocate much more than its own size ({@link AvroSizeCheck}). Not
 * thread-safe: use one per thread or operator instance.
 */
public final class AvroRecordDecoder<T extends SpecificRecord> {

  private final SchemaRegistryClient registry;
  private final Schema readerSchema;
  private final Map<Integer, SpecificDatumReader<T>> readersByWriterId = new HashMap<>();
  private final Map<Integer, Schema> writerSchemas = new HashMap<>();
  private BinaryDecoder decoder;

  public AvroRecordDecoder(SchemaRegistryClient registry, Class<T> type) {
    this.registry = registry;
    this.readerSchema = SpecificData.get().getSchema(type);
  }

  /**
   * The record in {@code framed}.
   *
   * @throws WireFormatException with {@code MALFORMED_BYTES} for bytes that are not a framed record
   *     of a compatible schema, {@code UNKNOWN_SCHEMA_ID} or {@code REGISTRY_UNAVAILABLE}
   */
  public T decode(byte[] framed) {
    int schemaId = ConfluentWireFormat.schemaId(framed);
    SpecificDatumReader<T> reader = readerFor(schemaId);
    int bodyLength = framed.length - ConfluentWireFormat.HEADER_LENGTH;
    try {
      AvroSizeCheck.check(
          writerSchemas.get(schemaId), framed, ConfluentWireFormat.HEADER_LENGTH, bodyLength);
    } catch (IllegalArgumentException e) {
      throw malformed(framed, schemaId, e.getMessage(), e);
    }
    decoder =
        DecoderFactory.get()
            .binaryDecoder(framed, ConfluentWireFormat.HEADER_LENGTH, bodyLength, decoder);
    T record;
    try {
      record = reader.read(null, decoder);
    } catch (Exception e) {
      // Avro signals corrupt input with many exception types (EOF, negative lengths, bad union
      // indexes, limits); all of them mean the bytes are not a record of this schema.
      throw malformed(framed, schemaId, e.toString(), e);
    }
    if (!isFullyConsumed()) {
      throw malformed(framed, schemaId, "bytes left over after the record", null);
    }
    return record;
  }

  private boolean isFullyConsumed() {
    try {
      return decoder.isEnd();
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private SpecificDatumReader<T> readerFor(int schemaId) {
    SpecificDatumReader<T> reader = readersByWriterId.get(schemaId);
    if (reader == null) {
      Schema writerSchema = registry.schemaById(schemaId);
      var compatibility =
          SchemaCompatibility.checkReaderWriterCompatibility(readerSchema, writerSchema);
      if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
        throw new WireFormatException(
            Reason.MALFORMED_BYTES,
            "record written with schema id "
                + schemaId
                + " ("
                + writerSchema.getFullName()
                + ") cannot be read as "
                + readerSchema.getFullName()
                + ": "
                + compatibility.getDescription()
                + "; produce records of the topic's schema");
      }
      reader = new SpecificDatumReader<>(writerSchema, readerSchema);
      readersByWriterId.put(schemaId, reader);
      writerSchemas.put(schemaId, writerSchema);
    }
    return reader;
  }

  private static WireFormatException malformed(
      byte[] framed, int schemaId, String detail, Throwable cause) {
    return new WireFormatException(
        Reason.MALFORMED_BYTES,
        "value of "
            + framed.length
            + " bytes with schema id "
            + schemaId
            + " is not a valid Avro record of that schema ("
            + detail
            + "); the producer wrote corrupt or truncated bytes",
        cause);
  }
}
