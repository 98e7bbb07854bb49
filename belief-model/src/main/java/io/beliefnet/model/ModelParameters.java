package io.beliefnet.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The model's few knobs. None is fitted to a data set: each is a prior strength or a guard whose
 * meaning is stated here, and {@link #defaults()} is what every measurement uses.
 *
 * @param consensusEvidenceWeight how much one claim's expected count from the consensus (no outcome
 *     known) counts against one count from an outcome; below 1 so that outcomes dominate
 * @param cappedTotalWeight the most weight all unverified, unstaked claims on one proposition carry
 *     together, in units of one independent claim
 * @param probabilityFloor probabilities are clamped into [floor, 1 - floor] before logs are taken
 * @param populationPriorStrength how many observations the domain's population calibration counts
 *     as in the prior of an agent new to the domain
 * @param refreshesPerChange open claims of an agent stamped again, round-robin, after each feedback
 *     it is told (a change to what is learned about it, or a claim of its opened or closed), so
 *     that reliabilities learned later reach older open beliefs (incremental EM) while one feedback
 *     costs a bounded number of updates
 * @param restampTolerance the smallest move of a stamp, in nats of log likelihood or in weight,
 *     worth re-weighing a claim for: 0.01, a likelihood ratio moved by 1 %, barely moves a belief
 * @param topContributors how many agents a belief lists as its main contributors
 * @param minimumStake the least registered stake that counts as a stake: below it an agent is
 *     treated as unstaked (influence-capped if unverified, no tier lift, the nominal stake of 1 at
 *     settlement), so a dust stake buys nothing; 1, the nominal stake every unstaked claim already
 *     risks
 * @param controllerWeightCaps by identity tier, the most weight one dependence group (claims on a
 *     proposition linked by one controller or a shared evidence id) carries, in units of one
 *     independent claim: 1 counts an operator's agents as one source however many it runs
 */
public record ModelParameters(
    double consensusEvidenceWeight,
    double cappedTotalWeight,
    double probabilityFloor,
    double populationPriorStrength,
    int refreshesPerChange,
    double restampTolerance,
    int topContributors,
    double minimumStake,
    Map<IdentityTier, Double> controllerWeightCaps)
    implements java.io.Serializable {

  public ModelParameters {
    requireIn("consensusEvidenceWeight", consensusEvidenceWeight, 0, 1);
    requireIn("cappedTotalWeight", cappedTotalWeight, 0, 1e6);
    requireIn("probabilityFloor", probabilityFloor, 1e-9, 0.1);
    requireIn("populationPriorStrength", populationPriorStrength, 0, 1e6);
    requireIn("refreshesPerChange", refreshesPerChange, 0, 1_000);
    requireIn("restampTolerance", restampTolerance, 0, 1);
    requireIn("topContributors", topContributors, 0, 1_000);
    requireIn("minimumStake", minimumStake, 0, AgentProfile.MAX_STAKE);
    EnumMap<IdentityTier, Double> caps = new EnumMap<>(IdentityTier.class);
    for (IdentityTier tier : IdentityTier.values()) {
      Double cap = controllerWeightCaps.get(tier);
      requireIn("controller weight cap of " + tier, cap == null ? Double.NaN : cap, 1e-6, 1e6);
      caps.put(tier, cap);
    }
    controllerWeightCaps = Collections.unmodifiableMap(caps);
  }

  /** The parameters every measurement in this module uses. */
  public static ModelParameters defaults() {
    return new ModelParameters(0.5, 1.0, 0.01, 10, 8, 0.01, 5, 1.0, oneSourcePerController());
  }

  /** Every tier's dependence groups count as one independent claim. */
  public static Map<IdentityTier, Double> oneSourcePerController() {
    Map<IdentityTier, Double> caps = new EnumMap<>(IdentityTier.class);
    for (IdentityTier tier : IdentityTier.values()) {
      caps.put(tier, 1.0);
    }
    return caps;
  }

  /**
   * This with the trust settings an operator chooses: the caps on the weight of the unverified
   * claims and of dependence groups, and the least stake that counts as a stake.
   */
  public ModelParameters withTrust(
      double cappedTotalWeight,
      Map<IdentityTier, Double> controllerWeightCaps,
      double minimumStake) {
    return new ModelParameters(
        consensusEvidenceWeight,
        cappedTotalWeight,
        probabilityFloor,
        populationPriorStrength,
        refreshesPerChange,
        restampTolerance,
        topContributors,
        minimumStake,
        controllerWeightCaps);
  }

  private static void requireIn(String name, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      throw new IllegalArgumentException(
          name + " is " + value + ": must be in [" + min + ", " + max + "]");
    }
  }
}
