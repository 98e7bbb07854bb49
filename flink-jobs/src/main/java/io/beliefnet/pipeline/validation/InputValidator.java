package io.beliefnet.pipeline.validation;

import io.beliefnet.avro.AgentIdentity;
import io.beliefnet.avro.Claim;
import io.beliefnet.avro.Feedback;
import io.beliefnet.avro.Outcome;
import io.beliefnet.avro.RejectionReason;
import io.beliefnet.ids.IdRules;
import io.beliefnet.model.AgentProfile;
import java.util.Optional;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;

/**
 * Checks a decoded input record against the contract its schema documents, beyond what Avro itself
 * enforces. Returns the first violation, phrased for the producer's operator.
 */
public final class InputValidator {

  private InputValidator() {}

  /** The reason {@code record} must be rejected, or empty if it is well-formed. */
  public static Optional<Violation> check(SpecificRecord record) {
    if (record instanceof Claim claim) {
      return ClaimValidator.check(claim);
    }
    if (record instanceof Feedback feedback) {
      return FeedbackValidator.check(feedback);
    }
    if (record instanceof Outcome outcome) {
      String subject = "outcome " + abbreviate(outcome.getOutcomeId());
      return checkIds(
              subject, outcome.getOutcomeId(), outcome.getPropositionId(), outcome.getOutcome())
          .or(() -> checkKeyParts(subject, outcome.getDomain(), outcome.getResolverId()));
    }
    AgentIdentity agent = (AgentIdentity) record;
    if (!validStake(agent.getStake())) {
      return Optional.of(
          new Violation(
              RejectionReason.INVALID_RECORD,
              "agent "
                  + abbreviate(agent.getAgentId())
                  + " registers stake "
                  + agent.getStake()
                  + ": stake must be a number from 0 to "
                  + AgentProfile.MAX_STAKE));
    }
    String subject = "agent " + abbreviate(agent.getAgentId());
    return checkKeyParts(subject, agent.getAgentId())
        .or(() -> checkIds(subject, agent.getController()));
  }

  /** Every id must keep {@link IdRules#problem the rule for ids}. */
  static Optional<Violation> checkIds(String subject, String... ids) {
    return firstViolation(subject, IdRules::problem, ids);
  }

  /**
   * Agent ids and domains must keep {@link IdRules#keyPartProblem the rule for the first part of a
   * key}.
   */
  static Optional<Violation> checkKeyParts(String subject, String... ids) {
    return firstViolation(subject, IdRules::keyPartProblem, ids);
  }

  private static Optional<Violation> firstViolation(
      String subject, Function<String, Optional<String>> rule, String... ids) {
    for (String id : ids) {
      Optional<Violation> violation = violation(subject, id, rule.apply(id));
      if (violation.isPresent()) {
        return violation;
      }
    }
    return Optional.empty();
  }

  private static Optional<Violation> violation(
      String subject, String id, Optional<String> problem) {
    return problem.map(
        p ->
            new Violation(
                RejectionReason.INVALID_RECORD,
                subject + " has an id or label ('" + abbreviate(id) + "') that " + p));
  }

  /** True for a stake from 0 to {@link AgentProfile#MAX_STAKE}; false for NaN or infinity. */
  static boolean validStake(double stake) {
    return stake >= 0 && stake <= AgentProfile.MAX_STAKE;
  }

  /** {@code text} cut to 40 characters, so an echoed hostile value cannot bloat a message. */
  static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "...";
  }
}
