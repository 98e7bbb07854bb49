package io.beliefnet.model;

import java.util.List;
import java.util.Objects;

/**
 * Agent {@code agentId} says {@code content} about a proposition at event time {@code eventTime}
 * (ms). The claim carries the proposition's spec because claims are what introduce propositions.
 *
 * @param stake what the agent puts on this claim; 0 means the agent's registered stake applies
 * @param evidenceIds ids of the evidence the claim rests on; claims sharing an id are not counted as
 *     independent
 */
public record Claim(
    PropositionSpec proposition,
    String agentId,
    long eventTime,
    ClaimContent content,
    double stake,
    List<String> evidenceIds)
    implements NetworkEvent {

  public Claim {
    Objects.requireNonNull(proposition, "proposition of claim");
    Objects.requireNonNull(agentId, "agent of claim on " + proposition.id());
    Objects.requireNonNull(content, "content of claim by " + agentId + " on " + proposition.id());
    evidenceIds = List.copyOf(evidenceIds);
    if (!(stake >= 0) || Double.isInfinite(stake)) {
      throw new IllegalArgumentException(
          "claim by " + agentId + " on " + proposition.id() + " has stake " + stake
              + ": must be a finite number >= 0");
    }
    content.requireFits(
        proposition.outcomeCount(), "claim by " + agentId + " on " + proposition.id());
  }

  /** A hard-label claim with no stake of its own and no evidence ids. */
  public static Claim label(PropositionSpec proposition, String agentId, long eventTime, int label) {
    return new Claim(proposition, agentId, eventTime, new ClaimContent.HardLabel(label), 0, List.of());
  }

  /** A distribution claim with no stake of its own and no evidence ids. */
  public static Claim distribution(
      PropositionSpec proposition, String agentId, long eventTime, double... probabilities) {
    return new Claim(
        proposition, agentId, eventTime, new ClaimContent.Distribution(probabilities), 0, List.of());
  }
}
