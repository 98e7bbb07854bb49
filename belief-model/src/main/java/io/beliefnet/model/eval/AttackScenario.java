package io.beliefnet.model.eval;

/**
 * Which attacks run in a synthetic world on top of its honest population.
 *
 * @param sybilShare target share of all claims made by the sybil ring (cheap unverified identities
 *     lying in concert), in [0, 0.9]
 * @param stakedLiar whether a staked identity claims the same wrong outcome on most propositions
 * @param spamFlood whether an unverified identity floods every proposition with random claims
 */
public record AttackScenario(
    String name, double sybilShare, boolean stakedLiar, boolean spamFlood) {

  public AttackScenario {
    if (!(sybilShare >= 0 && sybilShare <= 0.9)) {
      throw new IllegalArgumentException("sybil share is " + sybilShare + ": must be in [0, 0.9]");
    }
  }

  public static AttackScenario sybils(double share) {
    return new AttackScenario(
        share == 0
            ? "attack-free"
            : String.format(java.util.Locale.ROOT, "sybil-%.0f%%", share * 100),
        share,
        false,
        false);
  }
}
