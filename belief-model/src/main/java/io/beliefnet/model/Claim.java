package io.beliefnet.model;

import java.util.List;
import java.util.Objects;

/**
 * Agent {@code agentId} says {@code content} about a proposition at event time {@code eventTime}
 * (ms). The claim carries the proposition's spec because claims are what introduce propositions.
 *
 * @param stake what the agent puts on this claim, at most its remaining registered stake (a larger
 *     one is cut to it, so a claim cannot stake what the agent does not have); 0 means the agent's
 *     remaining registered stake applies
 * @param evidenceIds ids of the evidence the claim rests on; claims sharing an id are not counted
 *     as independent
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
    if (!(stake >= 0 && stake <= AgentProfile.MAX_STAKE)) {
      throw new IllegalArgumentException(
          "claim by "
              + agentId
              + " on "
              + proposition.id()
              + " has stake "
              + stake
              + ": must be a number from 0 to "
              + AgentProfile.MAX_STAKE);
    }
    content.requireFits(
        proposition.outcomeCount(), "claim by " + agentId + " on " + proposition.id());
  }

  /** A hard-label claim with no stake of its own and no evidence ids. */
  public static Claim label(
      PropositionSpec proposition, String agentId, long eventTime, int label) {
    return new Claim(
        proposition, agentId, eventTime, new ClaimContent.HardLabel(label), 0, List.of());
  }

  /** A distribution claim with no stake of its own and no evidence ids. */
  public static Claim distribution(
      PropositionSpec proposition, String agentId, long eventTime, double... probabilities) {
    return new Claim(
        proposition,
        agentId,
        eventTime,
        new ClaimContent.Distribution(probabilities),
        0,
        List.of());
  }
}
