package io.beliefnet.registry;

/**
 * A record could not be encoded or decoded, or the registry could not answer. Thrown per record, so
 * a pipeline catches it and routes the record to its dead-letter topic under {@link #reason()}.
 */
public final class WireFormatException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** What went wrong, as a category a pipeline counts and routes by. */
  public enum Reason {
    /** The bytes are not a Confluent-framed Avro record of the expected type. */
    MALFORMED_BYTES,
    /** The registry has no schema under the id in the record's header. */
    UNKNOWN_SCHEMA_ID,
    /** The registry could not be reached or failed; retrying later may succeed. */
    REGISTRY_UNAVAILABLE,
    /** The registry refused a schema as incompatible with the subject's earlier versions. */
    INCOMPATIBLE_SCHEMA,
    /** The registry refused a schema as not valid Avro. */
    INVALID_SCHEMA
  }

  private final Reason reason;

  public WireFormatException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public WireFormatException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
