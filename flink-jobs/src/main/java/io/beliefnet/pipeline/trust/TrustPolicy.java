package io.beliefnet.pipeline.trust;

import io.beliefnet.avro.IdentityTier;
import io.beliefnet.ids.IdRules;
import io.beliefnet.signing.SignatureCheck;
import java.io.Serializable;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Who may publish what, and how fast: the network signatures are made for, the identity authorities
 * whose registrations are applied, the resolvers whose outcomes are accepted, and each identity
 * tier's claim rate. An agent's bucket holds {@code burst} worth of its tier's rate (at least one
 * claim), so a quiet agent may send a burst and then keep to the rate.
 *
 * @param network the id of this belief network, which every signature must be made for
 * @param authorities the identity authorities whose signed registrations are applied
 * @param resolvers the agents allowed to publish outcomes, each as its id (any domain) or as {@code
 *     id|scope}: the domain {@code scope}, or every domain under it when it ends in {@code /}
 *     ({@code inspector|traffic/} resolves {@code traffic/london}); agent ids cannot contain {@code
 *     |}
 * @param claimsPerSecond sustained claims per second of event time, per tier
 * @param burst how many seconds of the rate an agent may spend at once
 */
public record TrustPolicy(
    String network,
    IdentityAuthorities authorities,
    Set<String> resolvers,
    Map<IdentityTier, Double> claimsPerSecond,
    Duration burst)
    implements Serializable {

  public TrustPolicy {
    IdRules.problem(network)
        .ifPresent(
            problem -> {
              throw new IllegalArgumentException(
                  "network id '" + network + "' " + problem + ": name this network in network.id");
            });
    resolvers = Set.copyOf(resolvers);
    claimsPerSecond = new EnumMap<>(claimsPerSecond);
    for (IdentityTier tier : IdentityTier.values()) {
      Double rate = claimsPerSecond.get(tier);
      if (rate == null || !(rate > 0) || rate.isInfinite()) {
        throw new IllegalArgumentException(
            "claim rate of tier " + tier + " is " + rate + ": give every tier a finite rate > 0");
      }
    }
  }

  /** The defaults: 1 claim/s unverified, 10 verified, 100 attested, one minute of burst. */
  public static Map<IdentityTier, Double> defaultClaimRates() {
    return Map.of(
        IdentityTier.UNVERIFIED, 1.0, IdentityTier.VERIFIED, 10.0, IdentityTier.ATTESTED, 100.0);
  }

  /** The check of signatures made for this network. */
  public SignatureCheck signatures() {
    return new SignatureCheck(network);
  }

  /** True if {@code agentId} may publish outcomes of propositions in {@code domain}. */
  public boolean mayResolve(String agentId, String domain) {
    for (String resolver : resolvers) {
      int bar = resolver.indexOf(IdRules.KEY_SEPARATOR);
      String id = bar < 0 ? resolver : resolver.substring(0, bar);
      String scope = bar < 0 ? "" : resolver.substring(bar + 1);
      if (id.equals(agentId)
          && (scope.isEmpty()
              || domain.equals(scope)
              || (scope.endsWith("/") && domain.startsWith(scope)))) {
        return true;
      }
    }
    return false;
  }

  public double ratePerSecond(IdentityTier tier) {
    return claimsPerSecond.get(tier);
  }

  /** Most claims an agent of {@code tier} may make at once. */
  public double burstCapacity(IdentityTier tier) {
    return Math.max(1, ratePerSecond(tier) * burst.toMillis() / 1000.0);
  }
}
