package io.beliefnet.signing;

import io.beliefnet.avro.Claim;
import io.beliefnet.avro.Outcome;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;

/** Verifies the Ed25519 signature of a claim or outcome against a registered public key. */
public final class SignatureCheck {

  /** What verifying one record found. */
  public enum Verdict {
    VALID,
    /** The record has no signature. */
    UNSIGNED,
    /** The registered key is not an Ed25519 public key in X.509 encoding. */
    UNUSABLE_KEY,
    /** The signature does not match the content under the registered key. */
    MISMATCH
  }

  private SignatureCheck() {}

  public static Verdict verify(Claim claim, ByteBuffer publicKey) {
    return verify(CanonicalEncoding.of(claim), claim.getSignature(), publicKey);
  }

  public static Verdict verify(Outcome outcome, ByteBuffer publicKey) {
    return verify(CanonicalEncoding.of(outcome), outcome.getSignature(), publicKey);
  }

  /** True if {@code publicKey} can verify anything, for checking a registration up front. */
  public static boolean usable(ByteBuffer publicKey) {
    try {
      decode(publicKey);
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static Verdict verify(byte[] content, ByteBuffer signature, ByteBuffer publicKey) {
    if (signature == null || !signature.hasRemaining()) {
      return Verdict.UNSIGNED;
    }
    PublicKey key;
    try {
      key = decode(publicKey);
    } catch (GeneralSecurityException e) {
      return Verdict.UNUSABLE_KEY;
    }
    try {
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(key);
      verifier.update(content);
      return verifier.verify(bytes(signature)) ? Verdict.VALID : Verdict.MISMATCH;
    } catch (GeneralSecurityException malformedSignature) {
      return Verdict.MISMATCH;
    }
  }

  private static PublicKey decode(ByteBuffer publicKey) throws GeneralSecurityException {
    return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(bytes(publicKey)));
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] copy = new byte[buffer.remaining()];
    buffer.duplicate().get(copy);
    return copy;
  }
}
