package io.beliefnet.signing;

import io.beliefnet.avro.AgentIdentity;
import io.beliefnet.avro.Claim;
import io.beliefnet.avro.ClaimBatchProof;
import io.beliefnet.avro.Outcome;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.function.Function;

/**
 * Verifies the Ed25519 signature of a claim, outcome or registration made for one belief network
 * against a registered public key. A claim signed on its own is signed over the {@linkplain
 * CanonicalEncoding#message message} of its {@link CanonicalEncoding}; one signed as part of a
 * batch (its {@code batch} proof set) verifies when its proof leads from the claim to a root whose
 * signature verifies. Whatever a record holds, the answer is a {@link Verdict}, never an exception.
 *
 * <p>The overloads taking the key's bytes decode it on every call, which costs about as much as the
 * verification itself; to verify many records, decode the key once with {@link
 * VerifyingKey#fromX509} and pass that.
 */
public final class SignatureCheck {

  /** What verifying one record found. */
  public enum Verdict {
    VALID,
    /** The record has no signature. */
    UNSIGNED,
    /** The registered key is not an Ed25519 public key in X.509 encoding. */
    UNUSABLE_KEY,
    /**
     * The signature does not match the content under the registered key, or the claim's batch proof
     * is malformed or out of bounds, so it cannot show that the claim was signed.
     */
    MISMATCH
  }

  private final String network;

  /** Checks signatures made for the belief network {@code network}. */
  public SignatureCheck(String network) {
    this.network = Objects.requireNonNull(network, "the network id");
  }

  /** The verdict on {@code claim} under {@code publicKey}, its registered X.509 encoding. */
  public Verdict verify(Claim claim, ByteBuffer publicKey) {
    return withKey(claim.getSignature(), publicKey, key -> verify(claim, key));
  }

  /** The verdict on {@code outcome} under {@code publicKey}, its registered X.509 encoding. */
  public Verdict verify(Outcome outcome, ByteBuffer publicKey) {
    return withKey(outcome.getSignature(), publicKey, key -> verify(outcome, key));
  }

  /** The verdict on {@code claim}, signed on its own or as one of a batch, under {@code key}. */
  public Verdict verify(Claim claim, VerifyingKey key) {
    return verifyClaim(claim, key, null);
  }

  /**
   * As {@link #verify(Claim, VerifyingKey)}, skipping the signature check of a batch root that
   * {@code verified} holds with the same signature, and adding the root once it verifies.
   */
  public Verdict verify(Claim claim, VerifyingKey key, VerifiedRoots verified) {
    return verifyClaim(claim, key, Objects.requireNonNull(verified, "verified roots"));
  }

  /** The verdict on {@code outcome} under {@code key}. */
  public Verdict verify(Outcome outcome, VerifyingKey key) {
    if (unsigned(outcome.getSignature())) {
      return Verdict.UNSIGNED;
    }
    return verdict(
        key.verifies(Bytes.of(outcome.getSignature()), message(CanonicalEncoding.of(outcome))));
  }

  /** The verdict on {@code registration} under {@code authority}, the key of its authority. */
  public Verdict verify(AgentIdentity registration, VerifyingKey authority) {
    if (unsigned(registration.getAuthoritySignature()) || registration.getAuthorityId() == null) {
      return Verdict.UNSIGNED;
    }
    return verdict(
        authority.verifies(
            Bytes.of(registration.getAuthoritySignature()),
            message(CanonicalEncoding.of(registration))));
  }

  /** The claim's verdict; {@code verified} may be null, for a caller that keeps no roots. */
  private Verdict verifyClaim(Claim claim, VerifyingKey key, VerifiedRoots verified) {
    if (unsigned(claim.getSignature())) {
      return Verdict.UNSIGNED;
    }
    byte[] signature = Bytes.of(claim.getSignature());
    ClaimBatchProof proof = claim.getBatch();
    if (proof == null) {
      return verdict(key.verifies(signature, message(CanonicalEncoding.of(claim))));
    }
    byte[] root = BatchTree.rootOf(claim, proof);
    if (root == null) {
      return Verdict.MISMATCH;
    }
    if (verified != null && verified.contains(key, root, signature)) {
      return Verdict.VALID;
    }
    boolean valid = key.verifies(signature, message(CanonicalEncoding.ofBatchRoot(root)));
    if (valid && verified != null) {
      verified.add(key, root, signature);
    }
    return verdict(valid);
  }

  /** Unsigned before unusable: a record without a signature is refused without decoding a key. */
  private static Verdict withKey(
      ByteBuffer signature, ByteBuffer publicKey, Function<VerifyingKey, Verdict> check) {
    if (unsigned(signature)) {
      return Verdict.UNSIGNED;
    }
    return VerifyingKey.fromX509(publicKey).map(check).orElse(Verdict.UNUSABLE_KEY);
  }

  private byte[] message(byte[] content) {
    return CanonicalEncoding.message(network, content);
  }

  private static boolean unsigned(ByteBuffer signature) {
    return signature == null || !signature.hasRemaining();
  }

  private static Verdict verdict(boolean valid) {
    return valid ? Verdict.VALID : Verdict.MISMATCH;
  }
}
