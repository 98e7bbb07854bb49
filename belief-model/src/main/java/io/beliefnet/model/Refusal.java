package io.beliefnet.model;

/** Why an input event was not applied, phrased for whoever sent it. */
public record Refusal(Reason reason, String message) {

  /** The kinds of refusal; each names the fix in its message. */
  public enum Reason {
    /** The event contradicts the proposition it is about (other outcomes, out of range). */
    INVALID_RECORD,
    /** A claim or outcome with this id was applied already. */
    DUPLICATE,
    /** Older than the claim the agent already has on the proposition. */
    SUPERSEDED,
    /** Applied after the proposition's outcome. */
    CLOSED_PROPOSITION,
    /** An outcome for a proposition without claims (or forgotten). */
    UNKNOWN_PROPOSITION,
    /** A correction by a resolver other than the one that resolved it. */
    UNTRUSTED_RESOLVER,
    /** An outcome that is not one of the proposition's. */
    UNKNOWN_OUTCOME
  }
}
