package io.beliefnet.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dependence groups of a proposition's claims. A claim joins the group of its controller's
 * earlier claims, which an identity authority ties to it; failing that, the group of the first
 * evidence id it cites that an earlier claim cited. It never joins two groups into one: evidence
 * ids are the claimant's word alone, so citing the evidence of two independent sources puts the
 * citing claim beside one of them, not the two sources together. Claims are added in order, so that
 * settlement, which weighs every prefix of the claims in turn, grows one structure instead of
 * rebuilding it per prefix.
 */
final class DependenceGroups {
  private final int[] parent;
  private final int[] sizeOfRoot;
  private final Map<String, Integer> firstByController = new HashMap<>();
  private final Map<String, Integer> firstByEvidence = new HashMap<>();
  private int count;

  DependenceGroups(int capacity) {
    parent = new int[capacity];
    sizeOfRoot = new int[capacity];
  }

  /** The groups of the first {@code count} of {@code claims}. */
  static DependenceGroups of(List<ClaimState> claims, int count) {
    DependenceGroups groups = new DependenceGroups(count);
    for (int i = 0; i < count; i++) {
      groups.add(claims.get(i));
    }
    return groups;
  }

  /** Adds the next claim to the group it is tied to, if any. */
  void add(ClaimState claim) {
    int i = count++;
    parent[i] = i;
    sizeOfRoot[i] = 1;
    Integer joined = firstByController.putIfAbsent(claim.getController(), i);
    for (String evidence : claim.getEvidenceIds()) {
      Integer cited = firstByEvidence.putIfAbsent(evidence, i);
      if (joined == null && cited != null) {
        joined = cited;
      }
    }
    if (joined != null) {
      union(joined, i);
    }
  }

  /** How many of the claims added so far are in claim {@code i}'s group. */
  int sizeOf(int i) {
    return sizeOfRoot[root(i)];
  }

  private int root(int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private void union(int a, int b) {
    int rootA = root(a);
    int rootB = root(b);
    if (rootA != rootB) {
      int kept = Math.min(rootA, rootB);
      int joined = Math.max(rootA, rootB);
      parent[joined] = kept;
      sizeOfRoot[kept] += sizeOfRoot[joined];
    }
  }
}
