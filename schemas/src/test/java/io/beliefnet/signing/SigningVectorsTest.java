package io.beliefnet.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.beliefnet.avro.AgentIdentity;
import io.beliefnet.avro.Claim;
import io.beliefnet.avro.IdentityTier;
import io.beliefnet.avro.Outcome;
import io.beliefnet.signing.SignatureCheck.Verdict;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every test vector of {@code docs/signing-vectors.json}, checked with the project's own code: the
 * key from the seed, the signed bytes of the fields, the signature, and for the batch its leaves,
 * proofs and root; and {@code docs/SIGNING.md} shows the file as it is.
 */
class SigningVectorsTest {

  private static final HexFormat HEX = HexFormat.of();
  private static final Path VECTORS = Path.of("../docs/signing-vectors.json");
  private static final Path SIGNING_DOC = Path.of("../docs/SIGNING.md");
  private static final String PKCS8_PREFIX = "302e020100300506032b657004220420";

  private static JsonNode file;
  private static AgentKey key;
  private static String network;
  private static SignatureCheck check;

  @BeforeAll
  static void readVectors() throws IOException {
    file = new ObjectMapper().readTree(VECTORS.toFile());
    key = AgentKey.fromPkcs8(HEX.parseHex(PKCS8_PREFIX + file.get("seed").asText()));
    network = file.get("network").asText();
    check = new SignatureCheck(network);
  }

  @Test
  void theSeedGivesThePublicKey() {
    assertThat(hex(Bytes.of(key.publicKey()))).isEqualTo(file.get("publicKey").asText());
  }

  @Test
  void everySingleRecordEncodesAndSignsAsListed() {
    int checked = 0;
    for (JsonNode vector : file.get("vectors")) {
      String type = vector.get("type").asText();
      if (type.equals("claim")) {
        Claim claim = claim(vector.get("fields"));
        assertThat(signedHex(CanonicalEncoding.of(claim)))
            .isEqualTo(vector.get("signedBytes").asText());
        Claim signed = key.sign(network, claim);
        assertThat(hex(Bytes.of(signed.getSignature())))
            .isEqualTo(vector.get("signature").asText());
        assertThat(check.verify(signed, key.publicKey())).isEqualTo(Verdict.VALID);
        checked++;
      } else if (type.equals("outcome")) {
        Outcome outcome = outcome(vector.get("fields"));
        assertThat(signedHex(CanonicalEncoding.of(outcome)))
            .isEqualTo(vector.get("signedBytes").asText());
        Outcome signed = key.sign(network, outcome);
        assertThat(hex(Bytes.of(signed.getSignature())))
            .isEqualTo(vector.get("signature").asText());
        assertThat(check.verify(signed, key.publicKey())).isEqualTo(Verdict.VALID);
        checked++;
      } else if (type.equals("registration")) {
        JsonNode fields = vector.get("fields");
        AgentIdentity registration =
            new IdentityAuthority(fields.get("authorityId").asText(), key)
                .sign(network, registration(fields));
        assertThat(signedHex(CanonicalEncoding.of(registration)))
            .isEqualTo(vector.get("signedBytes").asText());
        assertThat(hex(Bytes.of(registration.getAuthoritySignature())))
            .isEqualTo(vector.get("signature").asText());
        assertThat(check.verify(registration, VerifyingKey.fromX509(key.publicKey()).orElseThrow()))
            .isEqualTo(Verdict.VALID);
        checked++;
      }
    }
    assertThat(checked).isEqualTo(4);
  }

  @Test
  void theBatchHasTheListedLeavesProofsRootAndSignature() {
    JsonNode vector = vectorOfType("claimBatch");
    List<Claim> claims = new ArrayList<>();
    vector.get("claims").forEach(fields -> claims.add(claim(fields)));
    BatchTree tree = new BatchTree(claims);

    assertThat(claims.stream().map(c -> hex(BatchTree.leaf(c))))
        .containsExactlyElementsOf(texts(vector.get("leaves")));
    assertThat(signedHex(CanonicalEncoding.ofBatchRoot(tree.root())))
        .isEqualTo(vector.get("signedBytes").asText());
    List<Claim> signed = key.signBatch(network, claims);
    for (int i = 0; i < signed.size(); i++) {
      Claim claim = signed.get(i);
      assertThat(hex(Bytes.of(claim.getSignature()))).isEqualTo(vector.get("signature").asText());
      assertThat(claim.getBatch().getSiblings().stream().map(s -> hex(Bytes.of(s))))
          .containsExactlyElementsOf(texts(vector.get("proofs").get(i)));
      assertThat(check.verify(claim, key.publicKey())).isEqualTo(Verdict.VALID);
    }
  }

  @Test
  void theSigningDocumentShowsTheFileAsItIs() throws IOException {
    String doc = Files.readString(SIGNING_DOC).replaceAll("\\s", "");
    String vectors = Files.readString(VECTORS).replaceAll("\\s", "");

    assertThat(doc).contains(vectors);
  }

  /** The message signed for the vectors' network, in hex. */
  private static String signedHex(byte[] content) {
    return hex(CanonicalEncoding.message(network, content));
  }

  private static JsonNode vectorOfType(String type) {
    for (JsonNode vector : file.get("vectors")) {
      if (vector.get("type").asText().equals(type)) {
        return vector;
      }
    }
    throw new AssertionError("no vector of type " + type + " in " + VECTORS);
  }

  private static Claim claim(JsonNode fields) {
    List<Double> probabilities = new ArrayList<>();
    fields.get("probabilities").forEach(p -> probabilities.add(p.asDouble()));
    return Claim.newBuilder()
        .setClaimId(fields.get("claimId").asText())
        .setAgentId(fields.get("agentId").asText())
        .setPropositionId(fields.get("propositionId").asText())
        .setDomain(fields.get("domain").asText())
        .setOutcomes(texts(fields.get("outcomes")))
        .setProbabilities(probabilities)
        .setHardLabel(fields.get("hardLabel").asBoolean())
        .setEventTime(Instant.ofEpochMilli(fields.get("eventTime").asLong()))
        .setHalfLifeMillis(
            fields.get("halfLifeMillis").isNull() ? null : fields.get("halfLifeMillis").asLong())
        .setStake(fields.get("stake").isNull() ? null : fields.get("stake").asDouble())
        .setEvidenceIds(texts(fields.get("evidenceIds")))
        .build();
  }

  private static AgentIdentity registration(JsonNode fields) {
    return AgentIdentity.newBuilder()
        .setAgentId(fields.get("agentId").asText())
        .setPublicKey(ByteBuffer.wrap(HEX.parseHex(fields.get("publicKey").asText())))
        .setTier(IdentityTier.valueOf(fields.get("tier").asText()))
        .setController(fields.get("controller").asText())
        .setStake(fields.get("stake").asDouble())
        .setRegisteredAt(Instant.ofEpochMilli(fields.get("registeredAt").asLong()))
        .setRevoked(fields.get("revoked").asBoolean())
        .build();
  }

  private static Outcome outcome(JsonNode fields) {
    return Outcome.newBuilder()
        .setOutcomeId(fields.get("outcomeId").asText())
        .setPropositionId(fields.get("propositionId").asText())
        .setDomain(fields.get("domain").asText())
        .setOutcome(fields.get("outcome").asText())
        .setResolverId(fields.get("resolverId").asText())
        .setObservedAt(Instant.ofEpochMilli(fields.get("observedAt").asLong()))
        .build();
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(item -> texts.add(item.asText()));
    return texts;
  }

  private static String hex(byte[] bytes) {
    return HEX.formatHex(bytes);
  }
}
