package io.beliefnet.registry;

import org.apache.avro.Schema;

/**
 * The part of the Confluent Schema Registry API that producers and consumers of the wire format
 * need. Implementations cache: schema ids never change meaning, so each is fetched once.
 */
public interface SchemaRegistryClient {

  /**
   * Registers {@code schema} under {@code subject} (idempotent: an identical schema gets its
   * existing id) and returns its global id.
   *
   * @throws WireFormatException with {@code INCOMPATIBLE_SCHEMA}, {@code INVALID_SCHEMA} or {@code
   *     REGISTRY_UNAVAILABLE}
   */
  int register(String subject, Schema schema);

  /**
   * The schema registered under {@code id}.
   *
   * @throws WireFormatException with {@code UNKNOWN_SCHEMA_ID} or {@code REGISTRY_UNAVAILABLE}
   */
  Schema schemaById(int id);

  /** The subject of a topic's values or keys under the registry's default TopicNameStrategy. */
  static String subject(String topic, boolean isKey) {
    return topic + (isKey ? "-key" : "-value");
  }
}
