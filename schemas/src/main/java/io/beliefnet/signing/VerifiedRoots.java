package io.beliefnet.signing;

import io.beliefnet.avro.Claim;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Roots of signed claim batches whose signature has verified, so that the claims of one batch cost
 * one signature check between them rather than one each: a bounded set of (key, root) pairs that
 * forgets the least recently used pair once full. {@link SignatureCheck#verify(Claim, VerifyingKey,
 * VerifiedRoots)} consults and fills it.
 *
 * <p>Each pair keeps the signature that verified, and a claim only counts as verified by the cache
 * when it carries those same bytes. The cache therefore never changes a verdict, only how much it
 * costs: a claim gets the verdict the full check would give whatever the cache holds, so a verifier
 * that restarts with an empty one decides exactly as before. A rotated key is a different key, so
 * its roots are never confused with the old key's. About 250 bytes per pair. Not thread-safe: keep
 * one per thread, such as one per operator instance.
 */
public final class VerifiedRoots {

  private final Map<SignedRoot, ByteBuffer> signatures;

  /**
   * An empty cache of at most {@code capacity} pairs.
   *
   * @throws IllegalArgumentException if {@code capacity} is not positive
   */
  public VerifiedRoots(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity is " + capacity + ": must be at least 1");
    }
    this.signatures =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<SignedRoot, ByteBuffer> eldest) {
            return size() > capacity;
          }
        };
  }

  /** True if {@code signature} verified as {@code key}'s signature of {@code root}. */
  boolean contains(VerifyingKey key, byte[] root, byte[] signature) {
    ByteBuffer verified = signatures.get(new SignedRoot(key, ByteBuffer.wrap(root)));
    return verified != null && verified.equals(ByteBuffer.wrap(signature));
  }

  /** Remembers that {@code signature} verified as {@code key}'s signature of {@code root}. */
  void add(VerifyingKey key, byte[] root, byte[] signature) {
    signatures.put(
        new SignedRoot(key, ByteBuffer.wrap(root.clone())), ByteBuffer.wrap(signature.clone()));
  }

  /** A root under a key; buffers compare by content, which arrays do not. */
  private record SignedRoot(VerifyingKey key, ByteBuffer root) {}
}
