package io.beliefnet.pipeline.validation;

import io.beliefnet.avro.Claim;
import io.beliefnet.avro.RejectionReason;
import io.beliefnet.claims.ClaimProbabilities;
import io.beliefnet.model.AgentProfile;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * Checks a decoded claim against the contract in {@code Claim.avsc} before it reaches the model.
 * Returns the first violation found, phrased for the agent's operator.
 */
final class ClaimValidator {

  /** Upper bound on K, so a hostile claim cannot make every belief on its proposition huge. */
  public static final int MAX_OUTCOMES = 64;

  /** Upper bound on evidence ids per claim; they are kept in state while the claim stands. */
  public static final int MAX_EVIDENCE_IDS = 32;

  private ClaimValidator() {}

  /** The reason the claim must be rejected, or empty if it is well-formed. */
  static Optional<Violation> check(Claim claim) {
    Optional<Violation> badId =
        InputValidator.checkIds(describe(claim), claim.getClaimId(), claim.getPropositionId())
            .or(
                () ->
                    InputValidator.checkKeyParts(
                        describe(claim), claim.getDomain(), claim.getAgentId()));
    if (badId.isPresent()) {
      return badId;
    }
    List<String> outcomes = claim.getOutcomes();
    if (outcomes.size() < 2 || outcomes.size() > MAX_OUTCOMES) {
      return invalidRecord(
          claim, "has " + outcomes.size() + " outcomes (must be 2 to " + MAX_OUTCOMES + ")");
    }
    if (new HashSet<>(outcomes).size() != outcomes.size()) {
      return invalidRecord(claim, "lists an outcome twice in " + outcomes);
    }
    for (String outcome : outcomes) {
      badId = InputValidator.checkIds(describe(claim) + " outcome", outcome);
      if (badId.isPresent()) {
        return badId;
      }
    }
    if (claim.getStake() != null && !InputValidator.validStake(claim.getStake())) {
      return invalidRecord(
          claim,
          "stakes "
              + claim.getStake()
              + " (must be a number from 0 to "
              + AgentProfile.MAX_STAKE
              + "; a claim's stake is cut to its agent's remaining registered stake)");
    }
    if (claim.getEvidenceIds().size() > MAX_EVIDENCE_IDS) {
      return invalidRecord(
          claim,
          "lists "
              + claim.getEvidenceIds().size()
              + " evidence ids (at most "
              + MAX_EVIDENCE_IDS
              + ")");
    }
    return checkProbabilities(claim);
  }

  private static Optional<Violation> checkProbabilities(Claim claim) {
    return ClaimProbabilities.problem(
            claim.getProbabilities(), claim.getOutcomes().size(), claim.getHardLabel())
        .flatMap(problem -> invalidProbabilities(claim, problem));
  }

  private static String describe(Claim claim) {
    return "claim " + InputValidator.abbreviate(claim.getClaimId());
  }

  private static Optional<Violation> invalidRecord(Claim claim, String problem) {
    return Optional.of(
        new Violation(RejectionReason.INVALID_RECORD, describe(claim) + " " + problem));
  }

  private static Optional<Violation> invalidProbabilities(Claim claim, String problem) {
    return Optional.of(
        new Violation(RejectionReason.INVALID_PROBABILITIES, describe(claim) + " " + problem));
  }
}
