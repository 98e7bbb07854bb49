package io.beliefnet.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.beliefnet.avro.Claim;
import io.beliefnet.avro.ClaimBatchProof;
import io.beliefnet.signing.SignatureCheck.Verdict;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ClaimBatchTest {

  private final AgentKey key = AgentKey.fromSeed(7);
  private final VerifyingKey verifyingKey = VerifyingKey.fromX509(key.publicKey()).orElseThrow();

  @Test
  void everyClaimOfASignedBatchVerifiesOnItsOwnUnderItsKeyOnly() {
    List<Claim> claims = key.signBatch(TestNetwork.ID, SampleClaims.claims(5));
    VerifyingKey other = VerifyingKey.fromX509(AgentKey.fromSeed(8).publicKey()).orElseThrow();

    for (Claim claim : claims) {
      assertThat(TestNetwork.CHECK.verify(claim, verifyingKey)).isEqualTo(Verdict.VALID);
      assertThat(TestNetwork.CHECK.verify(claim, key.publicKey())).isEqualTo(Verdict.VALID);
      assertThat(TestNetwork.CHECK.verify(claim, other)).isEqualTo(Verdict.MISMATCH);
      assertThat(claim.getSignature()).isEqualTo(claims.get(0).getSignature());
      assertThat(claim.getBatch().getLeafCount()).isEqualTo(5);
    }
  }

  @Test
  void changingAClaimOrItsProofBreaksIt() {
    List<Consumer<Claim>> tamperings =
        List.of(
            c -> c.setClaimId("other"),
            c -> c.setProbabilities(List.of(0.5, 0.5)),
            c -> c.getBatch().setLeafIndex(c.getBatch().getLeafIndex() ^ 1),
            c -> c.getBatch().setLeafCount(3),
            c -> c.getBatch().getSiblings().set(0, ByteBuffer.wrap(new byte[32])),
            c -> c.setBatch(null));
    for (Consumer<Claim> tamper : tamperings) {
      Claim claim = key.signBatch(TestNetwork.ID, SampleClaims.claims(6)).get(2);
      tamper.accept(claim);
      assertThat(TestNetwork.CHECK.verify(claim, verifyingKey)).isEqualTo(Verdict.MISMATCH);
    }
  }

  @Test
  void aBatchedClaimSignedAgainOnItsOwnLosesItsProof() {
    Claim claim =
        key.sign(TestNetwork.ID, key.signBatch(TestNetwork.ID, SampleClaims.claims(3)).get(1));

    assertThat(claim.getBatch()).isNull();
    assertThat(TestNetwork.CHECK.verify(claim, verifyingKey)).isEqualTo(Verdict.VALID);
  }

  @Test
  void theBatchProofIsNotSignedContent() {
    Claim claim = SampleClaims.claims(1).get(0);
    byte[] unbatched = CanonicalEncoding.of(claim);

    key.signBatch(TestNetwork.ID, List.of(claim));

    assertThat(CanonicalEncoding.of(claim)).isEqualTo(unbatched);
  }

  /** RFC 9162's recursive definitions, against the level-by-level tree, for every small size. */
  @Test
  void treeAndProofsAreRfc9162sForEverySizeUpTo40() {
    for (int n = 1; n <= 40; n++) {
      List<Claim> claims = SampleClaims.claims(n);
      List<byte[]> leaves = claims.stream().map(BatchTree::leaf).toList();
      BatchTree tree = new BatchTree(claims);

      assertThat(tree.root()).as("root of %d", n).isEqualTo(treeHash(leaves));
      for (int m = 0; m < n; m++) {
        ClaimBatchProof proof = tree.proof(m);
        assertThat(proof.getSiblings().stream().map(Bytes::of).toList())
            .as("proof of %d in %d", m, n)
            .containsExactlyElementsOf(path(m, leaves));
        assertThat(BatchTree.rootOf(claims.get(m), proof)).isEqualTo(tree.root());
      }
    }
  }

  @Test
  void proofsOutOfBoundsAreMismatchesNotExceptions() {
    List<Consumer<ClaimBatchProof>> breakages =
        List.of(
            p -> p.setLeafIndex(-1),
            p -> p.setLeafIndex(p.getLeafCount()),
            p -> p.setLeafCount(0),
            p -> p.setLeafCount(Integer.MIN_VALUE),
            p -> p.setLeafCount(Integer.MAX_VALUE),
            p -> p.getSiblings().add(ByteBuffer.wrap(new byte[32])),
            p -> p.getSiblings().remove(0),
            p -> p.getSiblings().set(0, ByteBuffer.wrap(new byte[31])),
            p -> p.getSiblings().set(0, ByteBuffer.wrap(new byte[33])),
            p -> p.getSiblings().set(0, null),
            p -> p.setSiblings(null),
            p -> p.setSiblings(Collections.nCopies(21, ByteBuffer.wrap(new byte[32]))));
    for (Consumer<ClaimBatchProof> breakage : breakages) {
      Claim claim = key.signBatch(TestNetwork.ID, SampleClaims.claims(7)).get(4);
      ClaimBatchProof proof = claim.getBatch();
      proof.setSiblings(new ArrayList<>(proof.getSiblings()));
      breakage.accept(proof);
      assertThat(TestNetwork.CHECK.verify(claim, verifyingKey)).isEqualTo(Verdict.MISMATCH);
    }
  }

  @Test
  void aBatchHoldsAtMostTwoToTheTwentiethClaims() {
    Claim claim = SampleClaims.claims(1).get(0);
    List<ByteBuffer> twenty = Collections.nCopies(20, ByteBuffer.wrap(new byte[32]));
    int most = 1 << 20;

    assertThat(BatchTree.rootOf(claim, new ClaimBatchProof(most - 1, most, twenty))).isNotNull();
    assertThat(BatchTree.rootOf(claim, new ClaimBatchProof(most - 1, most + 1, twenty))).isNull();
    assertThatThrownBy(() -> key.signBatch(TestNetwork.ID, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 to 1048576 claims");
  }

  @Test
  void verifiedRootsSpareTheSignatureCheckButNeverChangeAVerdict() {
    List<Claim> claims = key.signBatch(TestNetwork.ID, SampleClaims.claims(4));
    VerifiedRoots verified = new VerifiedRoots(8);
    byte[] root = BatchTree.rootOf(claims.get(0), claims.get(0).getBatch());
    byte[] signature = Bytes.of(claims.get(0).getSignature());

    Claim forged = key.signBatch(TestNetwork.ID, SampleClaims.claims(4)).get(1);
    forged.setSignature(ByteBuffer.wrap(new byte[64]));
    assertThat(TestNetwork.CHECK.verify(forged, verifyingKey, verified))
        .isEqualTo(Verdict.MISMATCH);
    assertThat(verified.contains(verifyingKey, root, new byte[64])).isFalse();

    for (Claim claim : claims) {
      assertThat(TestNetwork.CHECK.verify(claim, verifyingKey, verified)).isEqualTo(Verdict.VALID);
    }
    assertThat(verified.contains(verifyingKey, root, signature)).isTrue();
    assertThat(TestNetwork.CHECK.verify(forged, verifyingKey, verified))
        .isEqualTo(Verdict.MISMATCH);
  }

  /** MTH(D[n]) of RFC 9162, section 2.1.1, over leaf hashes. */
  private static byte[] treeHash(List<byte[]> leaves) {
    if (leaves.size() == 1) {
      return leaves.get(0);
    }
    int k = split(leaves.size());
    return BatchTree.node(
        treeHash(leaves.subList(0, k)), treeHash(leaves.subList(k, leaves.size())));
  }

  /** PATH(m, D[n]) of RFC 9162, section 2.1.3.1, over leaf hashes. */
  private static List<byte[]> path(int m, List<byte[]> leaves) {
    int n = leaves.size();
    if (n == 1) {
      return List.of();
    }
    int k = split(n);
    List<byte[]> path = new ArrayList<>();
    if (m < k) {
      path.addAll(path(m, leaves.subList(0, k)));
      path.add(treeHash(leaves.subList(k, n)));
    } else {
      path.addAll(path(m - k, leaves.subList(k, n)));
      path.add(treeHash(leaves.subList(0, k)));
    }
    return path;
  }

  /** The largest power of two smaller than {@code n}. */
  private static int split(int n) {
    return Integer.highestOneBit(n - 1);
  }
}
