package io.beliefnet.model;

/** What applying a claim did. */
public enum ClaimReceipt {
  /** First claim of this agent on this proposition. */
  COUNTED,
  /** Replaced the agent's older claim on this proposition. */
  REPLACED,
  /** Older than the claim the agent already has on the proposition: ignored. */
  STALE,
  /**
   * Applied after the proposition's outcome, whatever its event time: no weight and no settlement.
   * Closure goes by the order events are applied, not by the event time a claim states, so a claim
   * backdated after its author read the outcome cannot earn from it.
   */
  LATE
}
