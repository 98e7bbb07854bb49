package io.beliefnet.registry;

import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka {@link Serializer} writing Avro records in the Confluent wire format, registering the
 * schema under {@code <topic>-value} (or {@code -key}) in the registry named by {@code
 * schema.registry.url}. Not thread-safe, like the producer's own use of serializers requires.
 */
public final class AvroWireSerializer<T extends SpecificRecord> implements Serializer<T> {

  /** Config key of the registry's base URL. */
  public static final String REGISTRY_URL_CONFIG = "schema.registry.url";

  private final Map<String, AvroRecordEncoder<T>> encodersByTopic = new HashMap<>();
  private SchemaRegistryClient registry;
  private boolean isKey;

  /** A serializer that {@link #configure} connects to the registry in its config. */
  public AvroWireSerializer() {}

  /** A serializer already connected to {@code registry}, for values. */
  public AvroWireSerializer(SchemaRegistryClient registry) {
    this.registry = registry;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    this.isKey = isKey;
    Object url = configs.get(REGISTRY_URL_CONFIG);
    if (url != null) {
      registry = HttpSchemaRegistryClient.connect(url.toString());
    }
  }

  @Override
  public byte[] serialize(String topic, T record) {
    if (record == null) {
      return null;
    }
    if (registry == null) {
      throw new IllegalStateException(
          "AvroWireSerializer has no registry: set "
              + REGISTRY_URL_CONFIG
              + " in the producer config");
    }
    return encodersByTopic
        .computeIfAbsent(
            topic, t -> new AvroRecordEncoder<T>(registry, SchemaRegistryClient.subject(t, isKey)))
        .encode(record);
  }
}
