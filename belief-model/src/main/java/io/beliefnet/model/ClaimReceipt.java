package io.beliefnet.model;

/**
 * What applying a claim did.
 *
 * @param status whether the claim was counted, replaced the agent's earlier claim, or was ignored
 * @param before the proposition's belief just before the claim (the prior if it had no claims)
 * @param after the belief just after it (equal to {@code before} when ignored)
 */
public record ClaimReceipt(Status status, double[] before, double[] after) {

  /** What happened to a claim. */
  public enum Status {
    /** First claim of this agent on this proposition. */
    COUNTED,
    /** Replaced the agent's older claim on this proposition. */
    REPLACED,
    /** Older than the claim the agent already has on the proposition: ignored. */
    STALE,
    /**
     * Applied after the proposition's outcome, whatever its event time: no weight and no
     * settlement. Closure goes by the order events are applied, not by the event time a claim
     * states, so a claim backdated after its author read the outcome cannot earn from it.
     */
    LATE
  }
}
