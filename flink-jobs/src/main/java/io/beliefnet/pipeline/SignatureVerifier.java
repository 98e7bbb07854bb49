package io.beliefnet.pipeline;

import io.beliefnet.signing.SignatureCheck;
import io.beliefnet.signing.SignatureCheck.Verdict;
import io.beliefnet.signing.VerifiedRoots;
import io.beliefnet.signing.VerifyingKey;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Verifies claims' and outcomes' Ed25519 signatures, keeping decoded keys and verified batch roots
 * per subtask (not state: a restarted subtask verifies again and decides the same).
 */
final class SignatureVerifier {

  /** Decoded keys kept per subtask; decoding one costs about as much as a verification. */
  private static final int CACHED_KEYS = 10_000;

  /** Batch roots verified per subtask: a batch's claims arrive close together at one subtask. */
  private static final int CACHED_ROOTS = 4_096;

  private final Map<ByteBuffer, VerifyingKey> keys =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ByteBuffer, VerifyingKey> eldest) {
          return size() > CACHED_KEYS;
        }
      };
  private final VerifiedRoots verifiedRoots = new VerifiedRoots(CACHED_ROOTS);
  private final SignatureCheck check;

  SignatureVerifier(SignatureCheck check) {
    this.check = check;
  }

  /** Whether {@code event}'s signature verifies under {@code publicKey}. */
  Verdict verify(InputEvent event, ByteBuffer publicKey) {
    VerifyingKey key = key(publicKey);
    if (key == null) {
      return Verdict.UNUSABLE_KEY;
    }
    return event.isClaim()
        ? check.verify(event.claim, key, verifiedRoots)
        : check.verify(event.outcome, key);
  }

  /**
   * True if {@code publicKey}, a registration's, can verify anything; it is decoded once, and kept
   * for the claims it will sign.
   */
  boolean usable(ByteBuffer publicKey) {
    return key(publicKey) != null;
  }

  /** The decoded key, or null if it does not decode (registered before keys were checked). */
  private VerifyingKey key(ByteBuffer publicKey) {
    VerifyingKey key = keys.get(publicKey);
    if (key == null) {
      key = VerifyingKey.fromX509(publicKey).orElse(null);
      if (key != null) {
        keys.put(publicKey, key);
      }
    }
    return key;
  }
}
