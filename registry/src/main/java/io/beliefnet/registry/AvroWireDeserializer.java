package io.beliefnet.registry;

import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka {@link Deserializer} reading Confluent-framed Avro records into one Avro class, with the
 * writer schemas fetched from the registry named by {@code schema.registry.url}. Throws {@link
 * WireFormatException} for bytes it cannot read.
 */
public final class AvroWireDeserializer<T extends SpecificRecord> implements Deserializer<T> {

  private final Class<T> type;
  private AvroRecordDecoder<T> decoder;

  public AvroWireDeserializer(Class<T> type) {
    this.type = type;
  }

  /** A deserializer already connected to {@code registry}. */
  public AvroWireDeserializer(Class<T> type, SchemaRegistryClient registry) {
    this.type = type;
    this.decoder = new AvroRecordDecoder<>(registry, type);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    Object url = configs.get(AvroWireSerializer.REGISTRY_URL_CONFIG);
    if (url != null) {
      decoder = new AvroRecordDecoder<>(HttpSchemaRegistryClient.connect(url.toString()), type);
    }
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    if (decoder == null) {
      throw new IllegalStateException(
          "AvroWireDeserializer has no registry: set "
              + AvroWireSerializer.REGISTRY_URL_CONFIG
              + " in the consumer config");
    }
    return decoder.decode(data);
  }
}
