package io.beliefnet.pipeline.trust;

import io.beliefnet.avro.AgentIdentity;
import io.beliefnet.signing.SignatureCheck;
import io.beliefnet.signing.SignatureCheck.Verdict;
import io.beliefnet.signing.VerifyingKey;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The identity authorities a job trusts, by id: only a registration one of them signed sets an
 * agent's key, tier, stake and controller (docs/SIGNING.md, "Registrations").
 */
public final class IdentityAuthorities implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Each authority's raw public key in hex, as configured: decoded keys do not serialize. */
  private final Map<String, String> keysHex;

  private transient Map<String, VerifyingKey> keys;

  private IdentityAuthorities(Map<String, String> keysHex) {
    this.keysHex = keysHex;
  }

  /**
   * The authorities {@code entries} name, each {@code id=<raw Ed25519 public key in hex>}.
   *
   * @throws IllegalArgumentException naming the entry that is not of that form
   */
  public static IdentityAuthorities of(List<String> entries) {
    Map<String, String> keysHex = new LinkedHashMap<>();
    for (String entry : entries) {
      int equals = entry.indexOf('=');
      String id = equals < 0 ? "" : entry.substring(0, equals).strip();
      String hex = equals < 0 ? "" : entry.substring(equals + 1).strip();
      if (id.isEmpty() || VerifyingKey.fromHex(hex).isEmpty()) {
        throw new IllegalArgumentException(
            "trust.identity-authorities entry '"
                + entry
                + "' is not id=<key>, the key being an Ed25519 public key as 64 hex digits"
                + " ('bin/belief authority keygen' prints one)");
      }
      keysHex.put(id, hex);
    }
    return new IdentityAuthorities(Map.copyOf(keysHex));
  }

  public boolean trusts(String authorityId) {
    return authorityId != null && keysHex.containsKey(authorityId);
  }

  /**
   * The verdict of {@code signatures} on {@code registration}'s authority signature; {@link
   * Verdict#MISMATCH} if the authority it names is not trusted here.
   */
  public Verdict verify(AgentIdentity registration, SignatureCheck signatures) {
    if (registration.getAuthoritySignature() == null || registration.getAuthorityId() == null) {
      return Verdict.UNSIGNED;
    }
    if (!trusts(registration.getAuthorityId())) {
      return Verdict.MISMATCH;
    }
    return signatures.verify(registration, decoded().get(registration.getAuthorityId()));
  }

  private Map<String, VerifyingKey> decoded() {
    if (keys == null) {
      Map<String, VerifyingKey> decoded = new LinkedHashMap<>();
      keysHex.forEach((id, hex) -> decoded.put(id, VerifyingKey.fromHex(hex).orElseThrow()));
      keys = decoded;
    }
    return keys;
  }
}
