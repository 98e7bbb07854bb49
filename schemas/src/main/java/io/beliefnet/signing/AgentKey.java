package io.beliefnet.signing;

import io.beliefnet.avro.Claim;
import io.beliefnet.avro.Outcome;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An agent's or resolver's Ed25519 key pair (RFC 8032): signs claims and outcomes over their {@link
 * CanonicalEncoding}, or many claims at once as a batch ({@link #signBatch}). Ed25519 is
 * deterministic, so the same key and content always give the same signature. The public half is
 * registered on the {@code agents} topic in X.509 SubjectPublicKeyInfo encoding; the private half
 * is kept in PKCS#8, the format OpenSSL and other Ed25519 libraries read ({@link #save}, {@link
 * #load}). Immutable and thread-safe.
 */
public final class AgentKey {

  /** The DER header of a PKCS#8 Ed25519 private key (RFC 8410), before the 32-byte seed. */
  private static final byte[] PKCS8_PREFIX =
      HexFormat.of().parseHex("302e020100300506032b657004220420");

  private static final String PEM_BEGIN = "-----BEGIN PRIVATE KEY-----";
  private static final String PEM_END = "-----END PRIVATE KEY-----";

  /** The private key: the 32-byte seed RFC 8032 derives the signing scalar from. */
  private final byte[] seed;

  /** The raw 32-byte public key, derived once rather than at every signature. */
  private final byte[] publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];

  private AgentKey(byte[] seed) {
    this.seed = seed;
    Ed25519.generatePublicKey(seed, 0, publicKey, 0);
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
      // seeded before first use, SHA1PRNG is a deterministic stream; the byte form, because
      // setSeed(long) ignores a seed of 0, which would leave that key random
      random.setSeed(
          ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).putLong(seed).array());
      return generate(random);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK has no SHA1PRNG", e);
    }
  }

  /** The private key is the first 32 bytes of {@code random}, so {@link #fromSeed} keys hold. */
  private static AgentKey generate(SecureRandom random) {
    byte[] seed = new byte[Ed25519.SECRET_KEY_SIZE];
    Ed25519.generatePrivateKey(random, seed);
    return new AgentKey(seed);
  }

  /**
   * The key whose private half is {@code pkcs8}, a PKCS#8 DER encoding of an Ed25519 private key as
   * {@link #privateKeyPkcs8()} writes it (or with the public key attached, as PKCS#8 v2 allows).
   *
   * @throws IllegalArgumentException if the bytes are not an Ed25519 private key
   */
  public static AgentKey fromPkcs8(byte[] pkcs8) {
    AsymmetricKeyParameter key;
    try {
      key = PrivateKeyFactory.createKey(pkcs8);
    } catch (IOException | RuntimeException e) {
      // the ASN.1 parser reports malformed input with assorted runtime exceptions
      throw notAKey(e.getMessage(), e);
    }
    if (!(key instanceof Ed25519PrivateKeyParameters ed25519)) {
      throw notAKey("it holds another kind of key", null);
    }
    return new AgentKey(ed25519.getEncoded());
  }

  private static IllegalArgumentException notAKey(String why, Exception cause) {
    return new IllegalArgumentException(
        "not an Ed25519 private key in PKCS#8 encoding: " + why, cause);
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

  /**
   * The private key in PKCS#8 DER encoding (48 bytes: a 16-byte header, then the seed). Whoever
   * holds these bytes can sign as the agent.
   */
  public byte[] privateKeyPkcs8() {
    byte[] encoded = Arrays.copyOf(PKCS8_PREFIX, PKCS8_PREFIX.length + seed.length);
    System.arraycopy(seed, 0, encoded, PKCS8_PREFIX.length, seed.length);
    return encoded;
  }

  /**
   * Writes the private key to a new {@code file} as PEM (PKCS#8), creating missing folders. Where
   * the file system has POSIX permissions, only the owner may read the file (and its new folders).
   *
   * @throws FileAlreadyExistsException if {@code file} exists: an existing key is never replaced
   */
  public void save(Path file) throws IOException {
    Path folder = file.toAbsolutePath().getParent();
    boolean posix =
        Files.getFileStore(Files.exists(folder) ? folder : existingAncestor(folder))
            .supportsFileAttributeView("posix");
    if (!Files.exists(folder)) {
      Files.createDirectories(folder, ownerOnly(posix, "rwx------"));
    }
    Files.createFile(file, ownerOnly(posix, "rw-------"));
    String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(privateKeyPkcs8());
    Files.writeString(
        file, PEM_BEGIN + "\n" + body + "\n" + PEM_END + "\n", StandardCharsets.US_ASCII);
  }

  private static FileAttribute<?>[] ownerOnly(boolean posix, String permissions) {
    return posix
        ? new FileAttribute<?>[] {
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))
        }
        : new FileAttribute<?>[0];
  }

  private static Path existingAncestor(Path path) {
    Path existing = path;
    while (!Files.exists(existing)) {
      existing = existing.getParent();
    }
    return existing;
  }

  /** The raw 32-byte public key in hex, as configuration names a trusted key. */
  public String publicKeyHex() {
    return HexFormat.of().formatHex(publicKey);
  }

  /** The public key as registered on the {@code agents} topic (X.509, 44 bytes). */
  public ByteBuffer publicKey() {
    return ByteBuffer.wrap(VerifyingKey.x509(publicKey));
  }

  /**
   * Sets {@code claim}'s signature to this key's signature of its content for the belief network
   * {@code network}, and clears any batch proof it had; returns the claim.
   */
  public Claim sign(String network, Claim claim) {
    claim.setBatch(null);
    claim.setSignature(ByteBuffer.wrap(signature(network, CanonicalEncoding.of(claim))));
    return claim;
  }

  /**
   * Sets {@code outcome}'s signature to this key's signature of its content for the belief network
   * {@code network}; returns it.
   */
  public Outcome sign(String network, Outcome outcome) {
    outcome.setSignature(ByteBuffer.wrap(signature(network, CanonicalEncoding.of(outcome))));
    return outcome;
  }

  /**
   * Signs {@code claims} as one batch with a single signature for the belief network {@code
   * network}: sets each claim's signature to this key's signature of the root of the batch's Merkle
   * tree, and its {@code batch} to the proof that leads from the claim to that root. Each claim
   * then verifies on its own, sent as a record of its own; a verifier that keeps {@link
   * VerifiedRoots} checks the signature once per batch. Returns the claims, in their order.
   *
   * @throws IllegalArgumentException if there are no claims or more than 2^20
   */
  public List<Claim> signBatch(String network, List<Claim> claims) {
    BatchTree tree = new BatchTree(claims);
    byte[] signature = signature(network, CanonicalEncoding.ofBatchRoot(tree.root()));
    for (int i = 0; i < claims.size(); i++) {
      Claim claim = claims.get(i);
      claim.setBatch(tree.proof(i));
      claim.setSignature(ByteBuffer.wrap(signature.clone()));
    }
    return List.copyOf(claims);
  }

  /** This key's signature of {@code content}'s message for the belief network {@code network}. */
  byte[] signature(String network, byte[] content) {
    byte[] message = CanonicalEncoding.message(network, content);
    byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
    Ed25519.sign(seed, 0, publicKey, 0, message, 0, message.length, signature, 0);
    return signature;
  }
}
