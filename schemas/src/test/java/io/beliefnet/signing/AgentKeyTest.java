package io.beliefnet.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.beliefnet.avro.Claim;
import io.beliefnet.signing.SignatureCheck.Verdict;
import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentKeyTest {

  private final AgentKey key = AgentKey.generate();

  @Test
  void aKeyReadBackFromPkcs8SignsAsTheOriginal() {
    AgentKey restored = AgentKey.fromPkcs8(key.privateKeyPkcs8());

    assertThat(restored.publicKey()).isEqualTo(key.publicKey());
    Claim claim = restored.sign(TestNetwork.ID, claim());
    assertThat(TestNetwork.CHECK.verify(claim, key.publicKey())).isEqualTo(Verdict.VALID);
    assertThat(claim.getSignature()).isEqualTo(key.sign(TestNetwork.ID, claim()).getSignature());
  }

  /** Keys, key files and signatures stay what the JDK's own Ed25519 makes of them. */
  @Test
  void keysAndSignaturesAreTheJdksByteForByte() throws Exception {
    KeyFactory keys = KeyFactory.getInstance("Ed25519");
    Signature jdk = Signature.getInstance("Ed25519");
    jdk.initSign(keys.generatePrivate(new PKCS8EncodedKeySpec(key.privateKeyPkcs8())));
    Claim claim = key.sign(TestNetwork.ID, claim());
    jdk.update(CanonicalEncoding.message(TestNetwork.ID, CanonicalEncoding.of(claim)));

    PublicKey jdkPublic = keys.generatePublic(new X509EncodedKeySpec(Bytes.of(key.publicKey())));

    assertThat(ByteBuffer.wrap(jdk.sign())).isEqualTo(claim.getSignature());
    assertThat(ByteBuffer.wrap(jdkPublic.getEncoded())).isEqualTo(key.publicKey());
  }

  @Test
  void aPkcs8KeyWithItsPublicKeyAttachedLoads() {
    byte[] withPublicKey =
        HexFormat.of()
            .parseHex(
                "3051020101300506032b6570042204205cfcc304dee8ddb94e4b25f27ab497cc8e2a81d45fae2c5aae24c2"
                    + "1096316b60812100662ad1f71f1b3c32094df2e395380bda15df891dfa7a0e25098d664500e6b7a3");

    assertThat(AgentKey.fromPkcs8(withPublicKey).publicKey())
        .isEqualTo(AgentKey.fromSeed(7).publicKey());
  }

  @Test
  void aSavedKeyLoadsBackAndOnlyItsOwnerMayReadIt(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("keys/agent-1.key");

    key.save(file);

    assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----\n");
    assertThat(AgentKey.load(file).publicKey()).isEqualTo(key.publicKey());
    if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
          .isEqualTo("rwx------");
    }
  }

  @Test
  void anExistingKeyFileIsNeverOverwritten(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("agent.key");
    key.save(file);
    String saved = Files.readString(file);

    assertThatThrownBy(() -> AgentKey.generate().save(file))
        .isInstanceOf(FileAlreadyExistsException.class);
    assertThat(Files.readString(file)).isEqualTo(saved);
  }

  @Test
  void filesAndBytesThatAreNoEd25519KeySayWhat(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("not-a-key");
    Files.writeString(file, "hello");

    assertThatThrownBy(() -> AgentKey.load(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a PEM private key file");
    assertThatThrownBy(() -> AgentKey.fromPkcs8(new byte[] {1, 2, 3}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an Ed25519 private key");
  }

  private static Claim claim() {
    return Claim.newBuilder()
        .setClaimId("c1")
        .setAgentId("agent-1")
        .setPropositionId("p")
        .setDomain("d")
        .setOutcomes(List.of("no", "yes"))
        .setProbabilities(List.of(0.25, 0.75))
        .setEventTime(Instant.ofEpochMilli(1))
        .build();
  }

  @Test
  void everySeedGivesTheSameKeyEachTime() {
    for (long seed : new long[] {0, 1, -1, 42}) {
      assertThat(AgentKey.fromSeed(seed).publicKey())
          .isEqualTo(AgentKey.fromSeed(seed).publicKey());
    }
  }
}
