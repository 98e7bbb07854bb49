package io.beliefnet.model;

import java.util.List;

/**
 * A claim as it arrives: its id, the names of the proposition's outcomes in the order the claim
 * uses, the claim, its agent's profile, and the time it is applied at (what retention counts from).
 */
public record ClaimInput(
    String claimId, List<String> outcomeLabels, Claim claim, AgentProfile agent, long appliedAt) {}
