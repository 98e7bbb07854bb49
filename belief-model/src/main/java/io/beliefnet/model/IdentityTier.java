package io.beliefnet.model;

/**
 * How much is known about who stands behind an agent. The tier sets the prior reliability of a new
 * agent and whether its influence is capped: an {@link #UNVERIFIED} identity without stake costs
 * nothing to create, so any number of them together is worth at most a bounded weight.
 */
public enum IdentityTier {
  /** Anyone with a key pair; free to mint in bulk. */
  UNVERIFIED,
  /** A checked identity: one real operator per identity, as far as the identity service knows. */
  VERIFIED,
  /** Verified and vouched for by an attestation (an institution, a track record elsewhere). */
  ATTESTED;

  /** The tier one step up, used to credit stake as a signal of confidence; ATTESTED stays. */
  IdentityTier raisedByStake() {
    return this == ATTESTED ? ATTESTED : values()[ordinal() + 1];
  }
}
