package io.beliefnet.pipeline;

import io.beliefnet.avro.AgentIdentity;
import io.beliefnet.avro.IdentityTier;
import io.beliefnet.pipeline.trust.IdentityAuthorities;
import io.beliefnet.pipeline.trust.TrustPolicy;

/** Why the identity stage refuses a record, phrased for the agent's operator with the fix. */
final class IdentityRefusals {

  private IdentityRefusals() {}

  static String rateExceeded(InputEvent event, IdentityTier tier, TrustPolicy policy) {
    return subject(event)
        + ": agent '"
        + event.agentId()
        + "' exceeded the "
        + tier
        + " rate of "
        + policy.ratePerSecond(tier)
        + " claims/s (burst "
        + policy.burstCapacity(tier)
        + "): slow down, or register a higher tier";
  }

  static String notAResolver(InputEvent event) {
    return subject(event)
        + " comes from '"
        + event.agentId()
        + "', which is not a configured"
        + " resolver of domain "
        + event.domain()
        + ": only the agents trust.resolvers lists"
        + " for that domain may publish its outcomes";
  }

  static String notVouched(AgentIdentity registration, TrustPolicy policy) {
    IdentityAuthorities authorities = policy.authorities();
    String authority = registration.getAuthorityId();
    return "registration of agent '"
        + registration.getAgentId()
        + "' "
        + (registration.getAuthoritySignature() == null || authority == null
            ? "carries no identity authority's signature"
            : authorities.trusts(authority)
                ? "does not verify under the key of identity authority '"
                    + authority
                    + "' for network '"
                    + policy.network()
                    + "'"
                : "names identity authority '"
                    + authority
                    + "', which trust.identity-authorities does not list")
        + ": registrations take effect only when an authority the job trusts issues them"
        + " (docs/SIGNING.md, 'Registrations')";
  }

  static String notNewer(AgentIdentity registration, AgentIdentity current) {
    return "registration of agent '"
        + registration.getAgentId()
        + "' made at "
        + registration.getRegisteredAt()
        + " is not newer than its current one, made at "
        + current.getRegisteredAt()
        + ": an old registration cannot be replayed; to change the identity, issue a new one";
  }

  static String unknownAgent(InputEvent event, AgentIdentity current) {
    return subject(event)
        + ": agent '"
        + event.agentId()
        + "' "
        + (current == null
            ? "has not registered: publish its identity to the agents topic first"
            : "has a revoked key: register a new key before publishing again");
  }

  static String tooManyFailures(InputEvent event, IdentityTier tier, TrustPolicy policy) {
    return subject(event)
        + ": too many records under agent '"
        + event.agentId()
        + "' failed"
        + " their signature check (more than its "
        + tier
        + " rate of "
        + policy.ratePerSecond(tier)
        + "/s): its records are refused unchecked until that"
        + " allowance refills; if these are not yours, restrict who may write the topic";
  }

  static String unsigned(InputEvent event) {
    return subject(event)
        + " has no signature: sign its canonical encoding with the agent's Ed25519 key";
  }

  static String badSignature(InputEvent event, AgentIdentity signer, String network) {
    return subject(event)
        + "'s signature does not verify under the key agent '"
        + event.agentId()
        + "' registered at "
        + signer.getRegisteredAt()
        + " for network '"
        + network
        + "': it was altered, forged, signed with another key or for another network;"
        + " re-sign it with the current key for this network";
  }

  static String unusableKey(AgentIdentity registered) {
    return "agent '"
        + registered.getAgentId()
        + "' registers a public key that is not an"
        + " Ed25519 key in X.509 SubjectPublicKeyInfo encoding (44 bytes): register that encoding";
  }

  private static String subject(InputEvent event) {
    return event.isClaim()
        ? "claim " + event.claim.getClaimId()
        : "outcome " + event.outcome.getOutcomeId();
  }
}
