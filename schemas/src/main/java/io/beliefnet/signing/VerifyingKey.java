package io.beliefnet.signing;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * A registered Ed25519 public key, decoded and validated once so that it can verify any number of
 * signatures. Decoding checks that the key is a point of the curve's prime-order subgroup, which
 * costs about as much as one verification; keep the value for as long as the registration holds
 * rather than decoding the key for every record. Immutable and thread-safe; two values are equal
 * when they hold the same key.
 */
public final class VerifyingKey {

  /** The DER header of an X.509 SubjectPublicKeyInfo for Ed25519 (RFC 8410), before the key. */
  private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

  /** Length of a registered key: the header and the 32-byte key. */
  private static final int X509_LENGTH = X509_PREFIX.length + Ed25519.PUBLIC_KEY_SIZE;

  private final byte[] raw;
  private final Ed25519.PublicPoint point;

  private VerifyingKey(byte[] raw, Ed25519.PublicPoint point) {
    this.raw = raw;
    this.point = point;
  }

  /**
   * The key {@code x509} encodes as registered on the {@code agents} topic, or empty unless it is
   * 44 bytes of X.509 SubjectPublicKeyInfo holding a valid Ed25519 public key: canonically encoded,
   * and a point of the curve's prime-order subgroup other than the neutral element, so that no
   * signature verifies under it by accident. Reads {@code x509}'s remaining bytes without moving
   * its position.
   */
  public static Optional<VerifyingKey> fromX509(ByteBuffer x509) {
    if (x509 == null || x509.remaining() != X509_LENGTH) {
      return Optional.empty();
    }
    byte[] encoded = new byte[X509_LENGTH];
    x509.duplicate().get(encoded);
    if (!Arrays.equals(encoded, 0, X509_PREFIX.length, X509_PREFIX, 0, X509_PREFIX.length)) {
      return Optional.empty();
    }
    byte[] raw = Arrays.copyOfRange(encoded, X509_PREFIX.length, X509_LENGTH);
    return Optional.ofNullable(Ed25519.validatePublicKeyFullExport(raw, 0))
        .map(point -> new VerifyingKey(raw, point));
  }

  /**
   * The key {@code hex} names as 32 raw bytes in hex (how configuration names a trusted key), or
   * empty unless it is one that {@link #fromX509} accepts.
   */
  public static Optional<VerifyingKey> fromHex(String hex) {
    byte[] raw;
    try {
      raw = HexFormat.of().parseHex(hex);
    } catch (IllegalArgumentException notHex) {
      return Optional.empty();
    }
    return raw.length == Ed25519.PUBLIC_KEY_SIZE
        ? fromX509(ByteBuffer.wrap(x509(raw)))
        : Optional.empty();
  }

  /** The X.509 SubjectPublicKeyInfo encoding of the 32-byte Ed25519 public key {@code raw}. */
  static byte[] x509(byte[] raw) {
    byte[] encoded = Arrays.copyOf(X509_PREFIX, X509_LENGTH);
    System.arraycopy(raw, 0, encoded, X509_PREFIX.length, Ed25519.PUBLIC_KEY_SIZE);
    return encoded;
  }

  /** True if {@code signature} is this key's Ed25519 signature (RFC 8032) of {@code message}. */
  boolean verifies(byte[] signature, byte[] message) {
    return signature.length == Ed25519.SIGNATURE_SIZE
        && Ed25519.verify(signature, 0, point, message, 0, message.length);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof VerifyingKey key && Arrays.equals(raw, key.raw);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(raw);
  }

  /** The raw 32-byte key in hex. */
  @Override
  public String toString() {
    return HexFormat.of().formatHex(raw);
  }
}
