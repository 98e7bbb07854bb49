package io.beliefnet.signing;

import static org.assertj.core.api.Assertions.assertThat;

import io.beliefnet.avro.Claim;
import io.beliefnet.avro.ClaimBatchProof;
import io.beliefnet.signing.SignatureCheck.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The signed batch example of {@code docs/SIGNING.md}, value by value: the code produces it, and
 * the document shows it, so that agents in other languages can check their implementation.
 */
class BatchVectorTest {

  private static final HexFormat HEX = HexFormat.of();
  private static final Path SIGNING_DOC = Path.of("../docs/SIGNING.md");

  /** The secret key of RFC 8032, section 7.1, TEST 1. */
  private static final String SEED =
      "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";

  private static final String PKCS8_PREFIX = "302e020100300506032b657004220420";
  private static final String PUBLIC_KEY =
      "302a300506032b6570032100d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
  private static final String FIRST_ENCODING =
      "0000001262656c6965666e65742f636c61696d2f763100000003632d310000000873656e736f722d"
          + "61000000086272696467652d370000000e747261666669632f6c6f6e646f6e00000002000000046f"
          + "70656e00000006636c6f736564000000023fd00000000000003fe800000000000000000000000000"
          + "03e8000000000000";
  private static final List<String> LEAVES =
      List.of(
          "64ce405bbadcaffb8e590e66364bb8a47f949135f286ebf2afec32af6fc028f9",
          "1dcf2708e664b1c21bdf599536c8fa36795dcda70d1049223f43e0dae86dbdd3",
          "48c14a20db71ae79288e35b4497ca1aa8a82f81d5c9721de3811efb50e421cb3");
  private static final String FIRST_PAIR =
      "a826afd06194c9b4628509eede70840d163c34fdf88a5b657213c9d5d423f4c3";
  private static final String ROOT =
      "712a8d1585f8f884c4334330d651fc19b6cb48aa9904b234acaba72803968280";
  private static final String SIGNED_BYTES =
      "0000001462656c6965666e65742f6e6574776f726b2f76310000000c746573742d6e6574776f726b"
          + "0000001862656c6965666e65742f636c61696d2d62617463682f7631"
          + ROOT;
  private static final String SIGNATURE =
      "a66a4533330b1760d9f9417aee0b54e6b5df270b689baf0fade8e64e7ec455b3"
          + "29b7cf6224cf10b9ec17ac1ca0d354833e6ff95ef1946ec2edefec7ebdab9a0d";

  private final AgentKey key = AgentKey.fromPkcs8(HEX.parseHex(PKCS8_PREFIX + SEED));

  @Test
  void theCodeProducesTheDocumentedExample() {
    List<Claim> claims = claims();
    BatchTree tree = new BatchTree(claims);

    assertThat(hex(Bytes.of(key.publicKey()))).isEqualTo(PUBLIC_KEY);
    assertThat(hex(CanonicalEncoding.of(claims.get(0)))).isEqualTo(FIRST_ENCODING);
    assertThat(claims.stream().map(c -> hex(BatchTree.leaf(c)))).containsExactlyElementsOf(LEAVES);
    assertThat(hex(BatchTree.node(leaf(0), leaf(1)))).isEqualTo(FIRST_PAIR);
    assertThat(hex(tree.root())).isEqualTo(ROOT);
    assertThat(
            hex(
                CanonicalEncoding.message(
                    TestNetwork.ID, CanonicalEncoding.ofBatchRoot(tree.root()))))
        .isEqualTo(SIGNED_BYTES);

    List<Claim> signed = key.signBatch(TestNetwork.ID, claims);
    assertThat(signed)
        .allSatisfy(c -> assertThat(hex(Bytes.of(c.getSignature()))).isEqualTo(SIGNATURE));
    assertThat(siblings(signed, 0)).containsExactly(LEAVES.get(1), LEAVES.get(2));
    assertThat(siblings(signed, 1)).containsExactly(LEAVES.get(0), LEAVES.get(2));
    assertThat(siblings(signed, 2)).containsExactly(FIRST_PAIR);
    assertThat(signed)
        .allSatisfy(
            c -> assertThat(TestNetwork.CHECK.verify(c, key.publicKey())).isEqualTo(Verdict.VALID));
  }

  @Test
  void theDocumentShowsTheExample() throws IOException {
    String doc = Files.readString(SIGNING_DOC).replaceAll("\\s", "");

    List<String> values = new ArrayList<>(LEAVES);
    values.addAll(List.of(SEED, PUBLIC_KEY, FIRST_ENCODING, FIRST_PAIR, SIGNED_BYTES, SIGNATURE));
    for (String value : values) {
      assertThat(doc).as("%s shows %s", SIGNING_DOC, value).contains(value);
    }
  }

  private byte[] leaf(int index) {
    return HEX.parseHex(LEAVES.get(index));
  }

  /** The siblings of the proof of the claim at {@code index} of the three, in hex. */
  private static List<String> siblings(List<Claim> signed, int index) {
    ClaimBatchProof proof = signed.get(index).getBatch();
    assertThat(proof.getLeafIndex()).isEqualTo(index);
    assertThat(proof.getLeafCount()).isEqualTo(3);
    return proof.getSiblings().stream().map(s -> hex(Bytes.of(s))).toList();
  }

  private static String hex(byte[] bytes) {
    return HEX.formatHex(bytes);
  }

  /** The three claims of the example, as SIGNING.md lists their fields. */
  private static List<Claim> claims() {
    return List.of(
        claim("c-1", "bridge-7", List.of(0.25, 0.75), 1_000).build(),
        claim("c-2", "bridge-8", List.of(1.0, 0.0), 1_000).setHardLabel(true).build(),
        claim("c-3", "bridge-9", List.of(0.5, 0.5), 2_000)
            .setStake(2.0)
            .setEvidenceIds(List.of("camera-4"))
            .build());
  }

  private static Claim.Builder claim(
      String claimId, String propositionId, List<Double> probabilities, long eventTime) {
    return Claim.newBuilder()
        .setClaimId(claimId)
        .setAgentId("sensor-a")
        .setPropositionId(propositionId)
        .setDomain("traffic/london")
        .setOutcomes(List.of("open", "closed"))
        .setProbabilities(probabilities)
        .setEventTime(Instant.ofEpochMilli(eventTime));
  }
}
