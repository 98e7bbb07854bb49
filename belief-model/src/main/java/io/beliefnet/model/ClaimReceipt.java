package io.beliefnet.model;

import java.util.List;

/**
 * What applying a claim did.
 *
 * @param status whether the claim was counted, replaced the agent's earlier claim, or was ignored
 * @param before the proposition's belief just before the claim (the prior if it had no claims)
 * @param after the belief just after it (equal to {@code before} when ignored)
 * @param settlements the proposition's settlements when a valid claim reached an already resolved
 *     proposition and it was re-scored; empty otherwise
 */
public record ClaimReceipt(
    Status status, double[] before, double[] after, List<Settlement> settlements) {

  /** What happened to a claim. */
  public enum Status {
    /** First claim of this agent on this proposition. */
    COUNTED,
    /** Replaced the agent's older claim on this proposition. */
    REPLACED,
    /** Older than the claim the agent already has on the proposition: ignored. */
    STALE,
    /** Event time after the outcome's observation: no weight and no settlement. */
    LATE
  }
}
