package io.beliefnet.pipeline;

import io.beliefnet.avro.AgentIdentity;
import io.beliefnet.model.AgentProfile;
import io.beliefnet.model.Claim;
import io.beliefnet.model.ClaimContent;
import io.beliefnet.model.ClaimInput;
import io.beliefnet.model.IdentityTier;
import io.beliefnet.model.OutcomeInput;
import io.beliefnet.model.PropositionSpec;
import java.util.List;

/** Turns validated input records into the belief model's events. */
final class ModelInputs {

  private ModelInputs() {}

  /** A stamped claim event as the model's input, applied at its Kafka timestamp. */
  static ClaimInput claim(InputEvent event) {
    return claimInput(event.claim, event.agent, event.source.timestamp);
  }

  /** An outcome event as the model's input, applied at its Kafka timestamp. */
  static OutcomeInput outcome(InputEvent event) {
    return outcomeInput(event.outcome, event.source.timestamp);
  }

  /** A claim by the agent with {@code identity}, applied at {@code appliedAt}. */
  static ClaimInput claimInput(
      io.beliefnet.avro.Claim claim, AgentIdentity identity, long appliedAt) {
    return new ClaimInput(
        claim.getClaimId(), claim.getOutcomes(), claim(claim), profile(identity), appliedAt);
  }

  /** An outcome applied at {@code appliedAt}. */
  static OutcomeInput outcomeInput(io.beliefnet.avro.Outcome outcome, long appliedAt) {
    return new OutcomeInput(
        outcome.getOutcomeId(),
        outcome.getResolverId(),
        outcome.getPropositionId(),
        outcome.getDomain(),
        outcome.getOutcome(),
        outcome.getObservedAt().toEpochMilli(),
        appliedAt);
  }

  static Claim claim(io.beliefnet.avro.Claim claim) {
    PropositionSpec proposition =
        new PropositionSpec(
            claim.getPropositionId(),
            claim.getDomain(),
            claim.getOutcomes().size(),
            claim.getHalfLifeMillis() == null ? 0 : claim.getHalfLifeMillis());
    return new Claim(
        proposition,
        claim.getAgentId(),
        claim.getEventTime().toEpochMilli(),
        content(claim),
        claim.getStake() == null ? 0 : claim.getStake(),
        claim.getEvidenceIds());
  }

  static AgentProfile profile(AgentIdentity identity) {
    return new AgentProfile(
        identity.getAgentId(),
        identity.getController(),
        tier(identity.getTier()),
        identity.getStake());
  }

  /** The model's name for an identity tier. */
  static IdentityTier tier(io.beliefnet.avro.IdentityTier tier) {
    return IdentityTier.valueOf(tier.name());
  }

  private static ClaimContent content(io.beliefnet.avro.Claim claim) {
    List<Double> probabilities = claim.getProbabilities();
    if (claim.getHardLabel()) {
      return new ClaimContent.HardLabel(probabilities.indexOf(1.0));
    }
    double[] distribution = new double[probabilities.size()];
    for (int k = 0; k < distribution.length; k++) {
      distribution[k] = probabilities.get(k);
    }
    return new ClaimContent.Distribution(distribution);
  }
}
