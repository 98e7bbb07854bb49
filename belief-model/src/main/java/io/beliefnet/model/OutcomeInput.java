package io.beliefnet.model;

/**
 * An outcome as it arrives: its id, its resolver, the proposition, the outcome's name, when it was
 * observed, and the time it is applied at (what retention counts from).
 */
public record OutcomeInput(
    String outcomeId,
    String resolverId,
    String propositionId,
    String domain,
    String outcome,
    long observedAt,
    long appliedAt) {}
