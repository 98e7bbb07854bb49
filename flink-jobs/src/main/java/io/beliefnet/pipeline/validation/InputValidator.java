package io.beliefnet.pipeline.validation;

import io.beliefnet.avro.AgentIdentity;
import io.beliefnet.avro.Claim;
import io.beliefnet.avro.Outcome;
import io.beliefnet.avro.RejectionReason;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/**
 * Checks a decoded input record against the contract its schema documents, beyond what Avro
 * itself enforces. Returns the first violation, phrased for the producer's operator.
 */
public final class InputValidator {

  /** Longest id accepted (agent, proposition, claim, domain): ids are keys, not payloads. */
  public static final int MAX_ID_LENGTH = 256;

  private InputValidator() {}

  /** The reason {@code record} must be rejected, or empty if it is well-formed. */
  public static Optional<Violation> check(SpecificRecord record) {
    if (record instanceof Claim claim) {
      return ClaimValidator.check(claim);
    }
    if (record instanceof Outcome outcome) {
      return checkIds(
          "outcome " + abbreviate(outcome.getOutcomeId()),
          outcome.getOutcomeId(),
          outcome.getPropositionId(),
          outcome.getDomain(),
          outcome.getOutcome(),
          outcome.getResolverId());
    }
    AgentIdentity agent = (AgentIdentity) record;
    if (!(agent.getStake() >= 0) || Double.isInfinite(agent.getStake())) {
      return Optional.of(
          new Violation(
              RejectionReason.INVALID_RECORD,
              "agent " + abbreviate(agent.getAgentId()) + " registers stake " + agent.getStake()
                  + ": stake must be a finite number >= 0"));
    }
    return checkIds(
        "agent " + abbreviate(agent.getAgentId()), agent.getAgentId(), agent.getController());
  }

  /** Every id must be non-blank and at most {@link #MAX_ID_LENGTH} characters. */
  static Optional<Violation> checkIds(String subject, String... ids) {
    for (String id : ids) {
      if (id.isBlank() || id.length() > MAX_ID_LENGTH) {
        return Optional.of(
            new Violation(
                RejectionReason.INVALID_RECORD,
                subject + " has an id or label of length " + id.length() + " ('"
                    + abbreviate(id) + "'): ids and labels must be 1 to " + MAX_ID_LENGTH
                    + " non-blank characters"));
      }
    }
    return Optional.empty();
  }

  /** {@code text} cut to 40 characters, so an echoed hostile value cannot bloat a message. */
  static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "...";
  }
}
