package io.beliefnet.pipeline.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the job keeps about a proposition beside the model's state: its outcome labels, the ids it
 * has applied (to drop duplicates), which claim of each agent stands, and the last belief it
 * emitted. A Flink POJO.
 *
 * <p>Bytes: the labels, plus the id of every claim and outcome applied to the proposition, plus 8 K
 * for the last emitted belief; dropped with the proposition.
 */
public class PropositionMeta {
  public List<String> outcomes = new ArrayList<>();
  public long version;
  public double[] lastEmitted = new double[0];
  public Map<String, String> claimIdByAgent = new HashMap<>();

  /** Ids of the claims and outcomes applied, as a map for constant-time lookups. */
  public Map<String, Boolean> appliedIds = new HashMap<>();

  /**
   * Event time from which the proposition may be forgotten: its latest claim plus the open
   * retention while open, its outcome plus the resolved retention once resolved.
   */
  public long expiresAt;

  /** The resolver whose outcome was applied first; only it may correct the outcome. */
  public String resolverId;

  public PropositionMeta() {}

  public static PropositionMeta of(List<String> outcomes) {
    PropositionMeta meta = new PropositionMeta();
    meta.outcomes = new ArrayList<>(outcomes);
    return meta;
  }
}
