package io.beliefnet.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.beliefnet.avro.Claim;
import io.beliefnet.avro.Outcome;
import io.beliefnet.registry.WireFormatException.Reason;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AvroRecordDecoderTest {

  private DevSchemaRegistryServer server;
  private SchemaRegistryClient registry;
  private AvroRecordEncoder<Claim> encoder;
  private AvroRecordDecoder<Claim> decoder;

  @BeforeEach
  void start() {
    server = DevSchemaRegistryServer.start(0);
    registry = HttpSchemaRegistryClient.connect(server.url());
    encoder = new AvroRecordEncoder<>(registry, "claims-value");
    decoder = new AvroRecordDecoder<>(HttpSchemaRegistryClient.connect(server.url()), Claim.class);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void encodedClaimDecodesEqual() {
    Claim claim = SampleClaims.claim("c-1");

    byte[] bytes = encoder.encode(claim);

    assertThat(bytes[0]).isZero();
    assertThat(ConfluentWireFormat.schemaId(bytes)).isEqualTo(1);
    assertThat(decoder.decode(bytes)).isEqualTo(claim);
  }

  @Test
  void recordOfAnEarlierSchemaVersionDecodesWithDefaults() throws Exception {
    Schema earlier = withoutOptionalFields(Claim.getClassSchema(), "evidenceIds", "signature");
    int earlierId = registry.register("claims-value", earlier);
    GenericRecord old = new GenericData.Record(earlier);
    Claim current = SampleClaims.claim("c-old");
    for (Schema.Field field : earlier.getFields()) {
      old.put(field.name(), current.get(field.name()));
    }
    old.put("eventTime", current.getEventTime().toEpochMilli());

    Claim decoded = decoder.decode(ConfluentWireFormat.frame(earlierId, binary(earlier, old)));

    assertThat(decoded.getClaimId()).isEqualTo("c-old");
    assertThat(decoded.getEvidenceIds()).isEmpty();
    assertThat(decoded.getSignature()).isNull();
  }

  @Test
  void decodingKeepsWorkingFromCacheWhenTheRegistryGoesAway() {
    byte[] bytes = encoder.encode(SampleClaims.claim("c-2"));
    decoder.decode(bytes);
    server.close();

    assertThat(decoder.decode(bytes).getClaimId()).isEqualTo("c-2");
    server = DevSchemaRegistryServer.start(0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "{\"claimId\": \"c-1\"}", "0"})
  void bytesWithoutTheConfluentHeaderAreMalformed(String text) {
    assertReason(text.getBytes(), Reason.MALFORMED_BYTES);
  }

  @Test
  void truncatedRecordIsMalformed() {
    byte[] bytes = encoder.encode(SampleClaims.claim("c-3"));

    for (int length = ConfluentWireFormat.HEADER_LENGTH; length < bytes.length; length++) {
      assertReason(Arrays.copyOf(bytes, length), Reason.MALFORMED_BYTES);
    }
  }

  @Test
  void bitFlippedRecordsNeverEscapeAsAnotherError() {
    byte[] bytes = encoder.encode(SampleClaims.claim("c-4"));

    for (int bit = ConfluentWireFormat.HEADER_LENGTH * 8; bit < bytes.length * 8; bit++) {
      byte[] flipped = bytes.clone();
      flipped[bit / 8] ^= (byte) (1 << (bit % 8));
      try {
        decoder.decode(flipped);
      } catch (WireFormatException e) {
        assertThat(e.reason()).isEqualTo(Reason.MALFORMED_BYTES);
      }
    }
  }

  @Test
  void trailingBytesAreMalformed() {
    byte[] bytes = encoder.encode(SampleClaims.claim("c-5"));

    assertReason(Arrays.copyOf(bytes, bytes.length + 3), Reason.MALFORMED_BYTES);
  }

  @Test
  void collectionDeclaringMoreItemsThanItsBytesHoldIsMalformed() {
    byte[] emptyFieldsThenHugeArray = {0, 0, 0, 0, 0};
    byte[] body = concat(emptyFieldsThenHugeArray, zigZag(Integer.MAX_VALUE - 8));

    assertReason(ConfluentWireFormat.frame(claimSchemaId(), body), Reason.MALFORMED_BYTES);
  }

  @Test
  void stringDeclaringMoreBytesThanTheRecordHoldsIsMalformed() {
    byte[] body = concat(zigZag(Integer.MAX_VALUE - 8), new byte[] {'x'});

    assertReason(ConfluentWireFormat.frame(claimSchemaId(), body), Reason.MALFORMED_BYTES);
  }

  @Test
  void negativeBlockCountsCannotHideAHugeArray() {
    byte[] emptyStrings = {0, 0, 0, 0};
    byte[] body = concat(emptyStrings, zigZag(-(Integer.MAX_VALUE - 8L)), zigZag(4));

    assertReason(ConfluentWireFormat.frame(claimSchemaId(), body), Reason.MALFORMED_BYTES);
  }

  @Test
  void unknownSchemaIdIsReportedAsSuch() {
    assertReason(ConfluentWireFormat.frame(4242, new byte[] {2, 'x'}), Reason.UNKNOWN_SCHEMA_ID);
  }

  @Test
  void recordOfAnotherTypeIsMalformed() {
    byte[] outcome =
        new AvroRecordEncoder<Outcome>(registry, "outcomes-value")
            .encode(
                Outcome.newBuilder()
                    .setOutcomeId("o-1")
                    .setPropositionId("p")
                    .setDomain("d")
                    .setOutcome("yes")
                    .setResolverId("r")
                    .setObservedAt(java.time.Instant.EPOCH)
                    .build());

    assertReason(outcome, Reason.MALFORMED_BYTES);
  }

  @Test
  void unreachableRegistryIsReportedAsUnavailable() {
    byte[] bytes = encoder.encode(SampleClaims.claim("c-6"));
    String url = server.url();
    server.close();

    AvroRecordDecoder<Claim> fresh =
        new AvroRecordDecoder<>(HttpSchemaRegistryClient.connect(url), Claim.class);
    assertThatThrownBy(() -> fresh.decode(bytes))
        .isInstanceOfSatisfying(
            WireFormatException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.REGISTRY_UNAVAILABLE));
    server = DevSchemaRegistryServer.start(0);
  }

  private int claimSchemaId() {
    return ConfluentWireFormat.schemaId(encoder.encode(SampleClaims.claim("c-id")));
  }

  /** Avro's encoding of a long: zig-zag, then a little-endian base-128 varint. */
  private static byte[] zigZag(long value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long raw = (value << 1) ^ (value >> 63);
    while ((raw & ~0x7fL) != 0) {
      out.write((int) ((raw & 0x7f) | 0x80));
      raw >>>= 7;
    }
    out.write((int) raw);
    return out.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private void assertReason(byte[] bytes, Reason reason) {
    assertThatThrownBy(() -> decoder.decode(bytes))
        .isInstanceOfSatisfying(
            WireFormatException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  private static Schema withoutOptionalFields(Schema schema, String... dropped) {
    List<String> drop = List.of(dropped);
    List<Schema.Field> kept =
        schema.getFields().stream()
            .filter(f -> !drop.contains(f.name()))
            .map(f -> new Schema.Field(f, f.schema()))
            .toList();
    return Schema.createRecord(
        schema.getName(), schema.getDoc(), schema.getNamespace(), false, kept);
  }

  private static byte[] binary(Schema schema, GenericRecord record) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
    encoder.flush();
    return out.toByteArray();
  }
}
