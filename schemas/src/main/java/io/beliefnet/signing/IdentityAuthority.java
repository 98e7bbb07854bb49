package io.beliefnet.signing;

import io.beliefnet.avro.AgentIdentity;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * An identity authority: the only party whose signature makes a registration count. It issues an
 * agent's identity (key, tier, stake, controller), rotates the key and revokes it, each as a
 * registration on {@code agents} signed with its own key (docs/SIGNING.md, "Registrations"). A job
 * trusts the authorities it is configured with, {@code trust.identity-authorities}.
 */
public final class IdentityAuthority {

  private final String id;
  private final AgentKey key;

  public IdentityAuthority(String id, AgentKey key) {
    this.id = Objects.requireNonNull(id, "authority id");
    this.key = Objects.requireNonNull(key, "authority key");
  }

  public String id() {
    return id;
  }

  /** The authority's private key, to keep in a key file ({@link AgentKey#save}). */
  public AgentKey key() {
    return key;
  }

  /** What makes a job trust this authority, an entry of {@code trust.identity-authorities}. */
  public String trustEntry() {
    return id + "=" + key.publicKeyHex();
  }

  /**
   * Names this authority on {@code registration} and signs it for the belief network {@code
   * network}; returns it.
   */
  public AgentIdentity sign(String network, AgentIdentity registration) {
    registration.setAuthorityId(id);
    registration.setAuthoritySignature(
        ByteBuffer.wrap(key.signature(network, CanonicalEncoding.of(registration))));
    return registration;
  }
}
