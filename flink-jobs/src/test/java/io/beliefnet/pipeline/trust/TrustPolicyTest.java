package io.beliefnet.pipeline.trust;

import static org.assertj.core.api.Assertions.assertThat;

import io.beliefnet.pipeline.TestRecords;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrustPolicyTest {

  private final TrustPolicy policy =
      new TrustPolicy(
          TestRecords.NETWORK,
          IdentityAuthorities.of(List.of()),
          Set.of("registrar", "inspector|traffic/", "forecaster|weather/uk"),
          TrustPolicy.defaultClaimRates(),
          Duration.ofSeconds(10));

  @Test
  void resolverWithoutScopeResolvesEveryDomain() {
    assertThat(policy.mayResolve("registrar", "traffic/london")).isTrue();
    assertThat(policy.mayResolve("registrar", "lab/qc")).isTrue();
  }

  @Test
  void scopeEndingInSlashCoversTheDomainsUnderIt() {
    assertThat(policy.mayResolve("inspector", "traffic/london")).isTrue();
    assertThat(policy.mayResolve("inspector", "weather/uk")).isFalse();
    assertThat(policy.mayResolve("inspector", "trafficking")).isFalse();
  }

  @Test
  void scopeWithoutSlashIsOneDomain() {
    assertThat(policy.mayResolve("forecaster", "weather/uk")).isTrue();
    assertThat(policy.mayResolve("forecaster", "weather/uk/north")).isFalse();
    assertThat(policy.mayResolve("stranger", "weather/uk")).isFalse();
  }
}
