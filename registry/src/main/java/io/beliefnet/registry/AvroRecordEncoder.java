package io.beliefnet.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Writes Avro records in the Confluent wire format, registering each record's schema under the
 * subject on first use. Not thread-safe: use one per thread or operator instance.
 */
public final class AvroRecordEncoder<T extends SpecificRecord> {

  private final SchemaRegistryClient registry;
  private final String subject;
  private final SpecificDatumWriter<T> writer = new SpecificDatumWriter<>();
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private BinaryEncoder encoder;
  private Schema writerSchema;
  private int schemaId;

  public AvroRecordEncoder(SchemaRegistryClient registry, String subject) {
    this.registry = registry;
    this.subject = subject;
  }

  /**
   * Registers {@code schema} now, so that encoding records of it needs no registry; returns its id.
   *
   * @throws WireFormatException if the schema cannot be registered
   */
  public int register(Schema schema) {
    schemaId = registry.register(subject, schema);
    writerSchema = schema;
    writer.setSchema(schema);
    return schemaId;
  }

  /**
   * The record framed with its schema id.
   *
   * @throws WireFormatException if the schema cannot be registered
   */
  public byte[] encode(T record) {
    if (record.getSchema() != writerSchema) {
      register(record.getSchema());
    }
    buffer.reset();
    encoder = EncoderFactory.get().directBinaryEncoder(buffer, encoder);
    try {
      writer.write(record, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return ConfluentWireFormat.frame(schemaId, buffer.toByteArray());
  }
}
