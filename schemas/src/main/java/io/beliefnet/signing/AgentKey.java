package io.beliefnet.signing;

import io.beliefnet.avro.Claim;
import io.beliefnet.avro.Outcome;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * An agent's or resolver's Ed25519 key pair (the JDK's own implementation): signs claims and
 * outcomes over their {@link CanonicalEncoding}. The public half is registered on the {@code
 * agents} topic in X.509 SubjectPublicKeyInfo encoding; the private half is kept in PKCS#8, the
 * format OpenSSL and other Ed25519 libraries read ({@link #save}, {@link #load}).
 */
public final class AgentKey {

  private static final String ALGORITHM = "Ed25519";
  private static final String PEM_BEGIN = "-----BEGIN PRIVATE KEY-----";
  private static final String PEM_END = "-----END PRIVATE KEY-----";

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

  /**
   * The key whose private half is {@code pkcs8}, a PKCS#8 DER encoding of an Ed25519 private key
   * as {@link #privateKeyPkcs8()} writes it.
   *
   * @throws IllegalArgumentException if the bytes are not an Ed25519 private key
   */
  public static AgentKey fromPkcs8(byte[] pkcs8) {
    byte[] seed;
    try {
      EdECPrivateKey key =
          (EdECPrivateKey) KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
      seed = key.getBytes().orElseThrow(() -> new IllegalArgumentException("the key hides its bytes"));
    } catch (GeneralSecurityException | ClassCastException e) {
      throw new IllegalArgumentException("not an Ed25519 private key in PKCS#8 encoding: " + e.getMessage(), e);
    }
    // An Ed25519 private key is the 32-byte seed the generator draws; drawing it again yields the
    // public half too, which PKCS#8 v1 does not carry.
    return generate(new ReplayedRandom(seed));
  }

  /**
   * Reads a key that {@link #save} wrote (PEM: {@code -----BEGIN PRIVATE KEY-----}, PKCS#8).
   *
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException if it holds no Ed25519 private key
   */
  public static AgentKey load(Path file) throws IOException {
    String pem = Files.readString(file, StandardCharsets.US_ASCII).strip();
    if (!pem.startsWith(PEM_BEGIN) || !pem.endsWith(PEM_END)) {
      throw new IllegalArgumentException(
          file + " is not a PEM private key file (" + PEM_BEGIN + " ... " + PEM_END + ")");
    }
    String body = pem.substring(PEM_BEGIN.length(), pem.length() - PEM_END.length());
    try {
      return fromPkcs8(Base64.getMimeDecoder().decode(body));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  /** The private key in PKCS#8 DER encoding. Whoever holds these bytes can sign as the agent. */
  public byte[] privateKeyPkcs8() {
    return keyPair.getPrivate().getEncoded();
  }

  /**
   * Writes the private key to a new {@code file} as PEM (PKCS#8), creating missing folders. Where
   * the file system has POSIX permissions, only the owner may read the file (and its new folders).
   *
   * @throws FileAlreadyExistsException if {@code file} exists: an existing key is never replaced
   */
  public void save(Path file) throws IOException {
    Path folder = file.toAbsolutePath().getParent();
    boolean posix = Files.getFileStore(Files.exists(folder) ? folder : existingAncestor(folder))
        .supportsFileAttributeView("posix");
    if (!Files.exists(folder)) {
      Files.createDirectories(folder, ownerOnly(posix, "rwx------"));
    }
    Files.createFile(file, ownerOnly(posix, "rw-------"));
    String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(privateKeyPkcs8());
    Files.writeString(file, PEM_BEGIN + "\n" + body + "\n" + PEM_END + "\n", StandardCharsets.US_ASCII);
  }

  private static FileAttribute<?>[] ownerOnly(boolean posix, String permissions) {
    return posix
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))}
        : new FileAttribute<?>[0];
  }

  private static Path existingAncestor(Path path) {
    Path existing = path;
    while (!Files.exists(existing)) {
      existing = existing.getParent();
    }
    return existing;
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

  /** Hands out given bytes: lets the key pair generator re-derive a key pair from its seed. */
  private static final class ReplayedRandom extends SecureRandom {
    private final byte[] bytes;

    ReplayedRandom(byte[] bytes) {
      this.bytes = bytes.clone();
    }

    @Override
    public void nextBytes(byte[] out) {
      if (out.length != bytes.length) {
        throw new IllegalStateException("expected a draw of " + bytes.length + " bytes, got " + out.length);
      }
      System.arraycopy(bytes, 0, out, 0, out.length);
    }
  }
}
