package io.beliefnet.sdk;

import io.beliefnet.avro.IdentityTier;
import java.time.Instant;

/**
 * What an agent or resolver registers besides its key (see {@code AgentIdentity.avsc}).
 *
 * @param controller the operator running the agent; agents of one controller count as one source
 * @param stake capital at stake, from which settlement losses are deducted; 0 for none
 * @param registeredAt when the registration takes effect (its event time); null means now
 */
public record AgentRegistration(
    String agentId, String controller, IdentityTier tier, double stake, Instant registeredAt) {

  public AgentRegistration {
    Ids.requireKeyPart("agent id", agentId);
    Ids.require("controller", controller);
    if (tier == null) {
      throw new IllegalArgumentException("tier is missing: UNVERIFIED, VERIFIED or ATTESTED");
    }
    if (!(Double.isFinite(stake) && stake >= 0)) {
      throw new IllegalArgumentException("stake is " + stake + ": must be a finite amount >= 0");
    }
  }

  /** A registration that takes effect now. */
  public AgentRegistration(String agentId, String controller, IdentityTier tier, double stake) {
    this(agentId, controller, tier, stake, null);
  }
}
