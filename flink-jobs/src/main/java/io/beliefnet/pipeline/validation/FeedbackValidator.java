package io.beliefnet.pipeline.validation;

import io.beliefnet.avro.AgentDelta;
import io.beliefnet.avro.DomainDelta;
import io.beliefnet.avro.Feedback;
import io.beliefnet.avro.OpenClaimChange;
import io.beliefnet.avro.OpenClaimEntry;
import io.beliefnet.avro.RejectionReason;
import io.beliefnet.model.AgentDomainState;
import io.beliefnet.model.DomainState;
import io.beliefnet.model.IdentityTier;
import io.beliefnet.model.PropositionSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Checks a record of the job's feedback topic against the shapes the model's state has, so that a
 * record the job did not write (the topic's ACLs should make that impossible) is refused instead of
 * failing the stage that applies it: ids, one delta of the right kind, array lengths that match the
 * model's grids and outcome counts, and finite numbers.
 */
final class FeedbackValidator {

  private static final int CALIBRATION_GRID =
      new AgentDomainState().getCalibrationLogLikelihood().length;
  private static final int INDEPENDENCE_GRID =
      new AgentDomainState().getIndependenceLogLikelihood().length;
  private static final int POOLING_GRID = new DomainState().getPoolingLogLikelihood().length;
  private static final int BASE_RATE_WEIGHT_GRID =
      new DomainState().getBaseRateWeightLogLikelihood().length;
  private static final int LABEL_PRIOR_WEIGHT_GRID =
      new DomainState().getLabelPriorWeightLogLikelihood().length;

  private FeedbackValidator() {}

  static Optional<Violation> check(Feedback feedback) {
    String subject = "feedback on domain " + InputValidator.abbreviate(feedback.getDomain());
    Optional<Violation> ids = InputValidator.checkKeyParts(subject, feedback.getDomain());
    if (ids.isPresent()) {
      return ids;
    }
    if (feedback.getAgentId() == null) {
      return feedback.getDomainDelta() == null || feedback.getAgentDelta() != null
          ? invalid(subject, "names no agent, so it must carry a domain delta and nothing else")
          : check(subject, feedback.getDomainDelta());
    }
    if (feedback.getDomainDelta() != null) {
      return invalid(subject, "names an agent and carries a domain delta");
    }
    return InputValidator.checkKeyParts(subject, feedback.getAgentId())
        .or(() -> check(subject, feedback.getAgentDelta()))
        .or(() -> checkChanges(subject, feedback.getOpenClaimChanges()));
  }

  private static Optional<Violation> check(String subject, AgentDelta delta) {
    if (delta == null) {
      return Optional.empty();
    }
    int size = delta.getMatrixSize();
    long cells = (long) size * size;
    if (size < 0
        || size > PropositionSpec.MAX_OUTCOMES
        || delta.getSupervisedCounts().size() != cells
        || delta.getConsensusCounts().size() != cells
        || delta.getCalibrationLogLikelihood().size() != CALIBRATION_GRID
        || delta.getIndependenceLogLikelihood().size() != INDEPENDENCE_GRID) {
      return invalid(subject, "has an agent delta whose arrays do not fit the model's shapes");
    }
    boolean finite =
        allFinite(delta.getSupervisedCounts())
            && allFinite(delta.getConsensusCounts())
            && allFinite(delta.getCalibrationLogLikelihood())
            && allFinite(delta.getIndependenceLogLikelihood())
            && allFinite(
                List.of(
                    delta.getSettlementTotal(),
                    delta.getInformationGainTotal(),
                    delta.getLogScoreTotal(),
                    delta.getBrierTotal()));
    return finite ? Optional.empty() : invalid(subject, "has a number that is not finite");
  }

  private static Optional<Violation> check(String subject, DomainDelta delta) {
    int outcomes = delta.getSupervisedOutcomes().size();
    if (outcomes > PropositionSpec.MAX_OUTCOMES
        || delta.getPopulationCalibrationLogLikelihood().size() != CALIBRATION_GRID
        || delta.getPoolingLogLikelihood().size() != POOLING_GRID
        || !fitsOrEmpty(delta.getBaseRateWeightLogLikelihood(), BASE_RATE_WEIGHT_GRID)
        || !fitsOrEmpty(delta.getLabelPriorWeightLogLikelihood(), LABEL_PRIOR_WEIGHT_GRID)) {
      return invalid(subject, "has a domain delta whose arrays do not fit the model's shapes");
    }
    boolean finite =
        allFinite(delta.getSupervisedOutcomes())
            && allFinite(delta.getPopulationCalibrationLogLikelihood())
            && allFinite(delta.getPoolingLogLikelihood())
            && allFinite(delta.getBaseRateWeightLogLikelihood())
            && allFinite(delta.getLabelPriorWeightLogLikelihood());
    return finite ? Optional.empty() : invalid(subject, "has a number that is not finite");
  }

  private static Optional<Violation> checkChanges(String subject, List<OpenClaimChange> changes) {
    for (OpenClaimChange change : changes) {
      Optional<Violation> id = InputValidator.checkIds(subject, change.getPropositionId());
      if (id.isPresent()) {
        return id;
      }
      OpenClaimEntry claim = change.getOpened();
      if (claim == null) {
        continue;
      }
      int outcomes = claim.getOutcomeCount();
      List<Double> likelihood = claim.getLabelLogLikelihood();
      boolean fits =
          outcomes >= 2
              && outcomes <= PropositionSpec.MAX_OUTCOMES
              && claim.getLabel() >= -1
              && claim.getLabel() < outcomes
              && (likelihood == null) == (claim.getLabel() < 0)
              && (likelihood == null || likelihood.size() == outcomes && allFinite(likelihood))
              && Double.isFinite(claim.getCalibrationSlope())
              && Double.isFinite(claim.getIndependence())
              && Arrays.stream(IdentityTier.values())
                  .anyMatch(tier -> tier.name().equals(claim.getPriorTier()));
      if (!fits) {
        return invalid(
            subject,
            "opens a claim on "
                + InputValidator.abbreviate(change.getPropositionId())
                + " that does not fit the model's shapes");
      }
    }
    return Optional.empty();
  }

  private static boolean allFinite(List<Double> values) {
    for (double value : values) {
      if (!Double.isFinite(value)) {
        return false;
      }
    }
    return true;
  }

  private static Optional<Violation> invalid(String subject, String problem) {
    return Optional.of(
        new Violation(
            RejectionReason.INVALID_RECORD,
            subject
                + " "
                + problem
                + ": only the belief job may write its feedback topic; check the topic's ACLs"
                + " and that no other job shares its name"));
  }

  /** A grid's sums, or none: empty from a job version that did not learn them. */
  private static boolean fitsOrEmpty(List<Double> sums, int grid) {
    return sums.isEmpty() || sums.size() == grid;
  }
}
