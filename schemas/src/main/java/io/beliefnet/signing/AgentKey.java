package io.beliefnet.signing;

import io.beliefnet.avro.Claim;
import io.beliefnet.avro.Outcome;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;

/**
 * An agent's or resolver's Ed25519 key pair (the JDK's own implementation): signs claims and
 * outcomes over their {@link CanonicalEncoding}. The public half is registered on the {@code
 * agents} topic in X.509 SubjectPublicKeyInfo encoding.
 */
public final class AgentKey {

  private static final String ALGORITHM = "Ed25519";

  private final KeyPair keyPair;

  private AgentKey(KeyPair keyPair) {
    this.keyPair = keyPair;
  }

  /** A new key from the system's secure random source. */
  public static AgentKey generate() {
    return generate(new SecureRandom());
  }

  /**
   * The key determined by {@code seed}: for simulations and tests that must produce the same
   * records every run. Never for real agents, whose keys must not be guessable.
   */
  public static AgentKey fromSeed(long seed) {
    try {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(seed); // seeded before first use, SHA1PRNG is a deterministic stream
      return generate(random);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK has no SHA1PRNG", e);
    }
  }

  private static AgentKey generate(SecureRandom random) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
      generator.initialize(255, random);
      return new AgentKey(generator.generateKeyPair());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK has no Ed25519", e);
    }
  }

  /** The public key as registered on the {@code agents} topic (X.509, 44 bytes). */
  public ByteBuffer publicKey() {
    return ByteBuffer.wrap(keyPair.getPublic().getEncoded());
  }

  /** Sets {@code claim}'s signature to this key's signature of its content; returns the claim. */
  public Claim sign(Claim claim) {
    claim.setSignature(ByteBuffer.wrap(signature(CanonicalEncoding.of(claim))));
    return claim;
  }

  /** Sets {@code outcome}'s signature to this key's signature of its content; returns it. */
  public Outcome sign(Outcome outcome) {
    outcome.setSignature(ByteBuffer.wrap(signature(CanonicalEncoding.of(outcome))));
    return outcome;
  }

  private byte[] signature(byte[] content) {
    try {
      Signature signer = Signature.getInstance(ALGORITHM);
      signer.initSign(keyPair.getPrivate());
      signer.update(content);
      return signer.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign with an Ed25519 key", e);
    }
  }
}
