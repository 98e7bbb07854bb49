package io.beliefnet.signing;

import io.beliefnet.avro.Claim;
import io.beliefnet.avro.ClaimBatchProof;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Merkle tree over a batch of claims signed with one signature, as RFC 9162 (Certificate
 * Transparency) defines it with SHA-256: a claim's leaf hash is SHA-256(0x00 || its canonical
 * encoding), an inner node's hash is SHA-256(0x01 || left || right), and a tree of n > 1 leaves
 * joins the tree of the first k leaves, k the largest power of two below n, with the tree of the
 * rest. The distinct prefixes keep an inner node from passing for a leaf.
 *
 * <p>Built level by level this is: pair neighbours from the left; the last node of a level with an
 * odd count moves up unchanged (it is not paired with itself). A claim's proof lists the hash of
 * its neighbour at each level where it has one, from the leaf up.
 */
final class BatchTree {

  /** Most levels above a leaf, and so most siblings in a proof. */
  private static final int MAX_DEPTH = 20;

  /** Most claims in one batch: 2^{@link #MAX_DEPTH}. */
  private static final int MAX_LEAVES = 1 << MAX_DEPTH;

  /** Length of every hash in the tree. */
  private static final int HASH_LENGTH = 32;

  private static final byte LEAF_PREFIX = 0x00;
  private static final byte NODE_PREFIX = 0x01;

  /** The leaf hashes first, then each level above them, ending with the root alone. */
  private final List<byte[][]> levels = new ArrayList<>();

  /**
   * The tree over {@code claims}, in their order.
   *
   * @throws IllegalArgumentException if there are no claims or more than {@link #MAX_LEAVES}
   */
  BatchTree(List<Claim> claims) {
    if (claims.isEmpty() || claims.size() > MAX_LEAVES) {
      throw new IllegalArgumentException(
          "a signed batch holds 1 to " + MAX_LEAVES + " claims, not " + claims.size());
    }
    byte[][] level = claims.stream().map(BatchTree::leaf).toArray(byte[][]::new);
    levels.add(level);
    while (level.length > 1) {
      byte[][] up = new byte[(level.length + 1) / 2][];
      for (int i = 0; i < up.length; i++) {
        boolean paired = 2 * i + 1 < level.length;
        up[i] = paired ? node(level[2 * i], level[2 * i + 1]) : level[2 * i];
      }
      levels.add(up);
      level = up;
    }
  }

  byte[] root() {
    return levels.get(levels.size() - 1)[0].clone();
  }

  /** The proof that leads from the leaf of the claim at {@code index} to the root. */
  ClaimBatchProof proof(int index) {
    List<ByteBuffer> siblings = new ArrayList<>(MAX_DEPTH);
    int position = index;
    for (byte[][] level : levels.subList(0, levels.size() - 1)) {
      int neighbour = position ^ 1;
      if (neighbour < level.length) {
        siblings.add(ByteBuffer.wrap(level[neighbour].clone()));
      }
      position >>= 1;
    }
    return new ClaimBatchProof(index, levels.get(0).length, siblings);
  }

  /**
   * The root that {@code proof} leads to from {@code claim}'s leaf, or null if the proof is out of
   * bounds (an index outside the count, a count above {@link #MAX_LEAVES}, more than {@link
   * #MAX_DEPTH} siblings, a sibling that is not {@value #HASH_LENGTH} bytes) or has more or fewer
   * siblings than the tree of its count has for its index. Bounds are checked before any hashing.
   */
  static byte[] rootOf(Claim claim, ClaimBatchProof proof) {
    List<ByteBuffer> siblings = proof.getSiblings();
    int index = proof.getLeafIndex();
    int last = proof.getLeafCount() - 1;
    if (index < 0
        || index > last
        || last >= MAX_LEAVES
        || siblings == null
        || siblings.size() > MAX_DEPTH
        || !siblings.stream().allMatch(s -> s != null && s.remaining() == HASH_LENGTH)) {
      return null;
    }
    byte[] hash = leaf(claim);
    int used = 0;
    for (; last > 0; index >>= 1, last >>= 1) {
      boolean right = (index & 1) == 1;
      if (!right && index == last) {
        continue; // the odd last node of its level moves up unchanged
      }
      if (used == siblings.size()) {
        return null;
      }
      byte[] sibling = Bytes.of(siblings.get(used++));
      hash = right ? node(sibling, hash) : node(hash, sibling);
    }
    return used == siblings.size() ? hash : null;
  }

  /** SHA-256(0x00 || the canonical encoding of {@code claim}). */
  static byte[] leaf(Claim claim) {
    return sha256(LEAF_PREFIX, CanonicalEncoding.of(claim));
  }

  /** SHA-256(0x01 || left || right). */
  static byte[] node(byte[] left, byte[] right) {
    return sha256(NODE_PREFIX, left, right);
  }

  private static byte[] sha256(byte prefix, byte[]... parts) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
    digest.update(prefix);
    for (byte[] part : parts) {
      digest.update(part);
    }
    return digest.digest();
  }
}
