package io.beliefnet.model;

import java.util.Objects;

/**
 * An agent as the identity service knows it.
 *
 * @param id stable agent id
 * @param controller the operator or organisation behind the agent; agents with one controller are
 *     not counted as independent of each other
 * @param tier identity tier, which sets the prior reliability and whether influence is capped
 * @param stake what the agent stands to lose when wrong (0 = unstaked); never negative
 */
public record AgentProfile(String id, String controller, IdentityTier tier, double stake)
    implements NetworkEvent {

  /**
   * Largest stake an agent may register or put on a claim: stake times information gain (a few
   * dozen nats at most) and running totals of such amounts stay far from overflowing.
   */
  public static final double MAX_STAKE = 1e12;

  public AgentProfile {
    Objects.requireNonNull(id, "agent id");
    Objects.requireNonNull(controller, "controller of agent " + id);
    Objects.requireNonNull(tier, "identity tier of agent " + id);
    if (!(stake >= 0 && stake <= MAX_STAKE)) {
      throw new IllegalArgumentException(
          "agent " + id + " has stake " + stake + ": must be a number from 0 to " + MAX_STAKE);
    }
  }

  /**
   * The profile assumed for an agent that claims before registering: its own controller,
   * unverified, unstaked.
   */
  public static AgentProfile unregistered(String id) {
    return new AgentProfile(id, id, IdentityTier.UNVERIFIED, 0);
  }

  /**
   * True when the agent's influence is capped: unverified and unstaked identities are free to
   * create, so together they may carry only a bounded weight on any proposition.
   */
  public boolean influenceCapped() {
    return tier == IdentityTier.UNVERIFIED && stake == 0;
  }

  /**
   * This agent with its settlement losses deducted from its stake (slashing): gains do not add to
   * the stake, and a stake that is used up makes an unverified agent influence-capped again.
   *
   * @param settled the net settlement of the agent's resolved claims, negative for a loss
   */
  public AgentProfile afterSettlement(double settled) {
    if (stake == 0 || settled >= 0) {
      return this;
    }
    return new AgentProfile(id, controller, tier, Math.max(0, stake + settled));
  }

  /** The tier whose prior applies to this agent: stake lifts it by one step. */
  public IdentityTier priorTier() {
    return stake > 0 ? tier.raisedByStake() : tier;
  }
}
