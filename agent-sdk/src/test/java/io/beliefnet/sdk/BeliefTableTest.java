package io.beliefnet.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.beliefnet.avro.Belief;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class BeliefTableTest {

  private static final String DOMAIN = "d";
  private final BeliefTable table = new BeliefTable("beliefs");

  @Test
  void theLatestBeliefOfEachPropositionIsCurrent() {
    table.apply(belief("p1", 1, 0.6));
    table.apply(belief("p2", 1, 0.3));
    table.apply(belief("p1", 2, 0.9));

    assertThat(table.get(DOMAIN, "p1"))
        .hasValueSatisfying(b -> assertThat(b.getVersion()).isEqualTo(2));
    assertThat(table.snapshot()).containsOnlyKeys(DOMAIN + "|p1", DOMAIN + "|p2");
    assertThat(table.get(DOMAIN, "p3")).isEmpty();
  }

  @Test
  void oneIdInTwoDomainsNamesTwoPropositions() {
    table.apply(belief("p1", 1, 0.6));
    table.apply(belief("p1", "other", 7, 0.1));

    assertThat(table.get(DOMAIN, "p1"))
        .hasValueSatisfying(b -> assertThat(b.getVersion()).isEqualTo(1));
    assertThat(table.get("other", "p1"))
        .hasValueSatisfying(b -> assertThat(b.getVersion()).isEqualTo(7));
  }

  @Test
  void listenersHearEveryUpdate() {
    List<Long> heard = new ArrayList<>();
    table.onUpdate(b -> heard.add(b.getVersion()));

    table.apply(belief("p1", 1, 0.6));
    table.apply(belief("p1", 2, 0.7));

    assertThat(heard).containsExactly(1L, 2L);
  }

  @Test
  void awaitReturnsOnceAnotherThreadBringsTheBelief() {
    CompletableFuture<Belief> awaited =
        CompletableFuture.supplyAsync(
            () -> table.await(DOMAIN, "p1", b -> b.getVersion() >= 2, Duration.ofSeconds(10)));
    table.apply(belief("p1", 1, 0.6));
    table.apply(belief("p1", 2, 0.7));

    assertThat(awaited.join().getVersion()).isEqualTo(2);
  }

  @Test
  void awaitingTooLongSaysWhatWasAwaited() {
    assertThatThrownBy(() -> table.await(DOMAIN, "p9", b -> true, Duration.ofMillis(50)))
        .isInstanceOf(BeliefClientException.class)
        .hasMessageContaining("timed out")
        .hasMessageContaining("p9");
  }

  private static Belief belief(String proposition, long version, double yes) {
    return belief(proposition, DOMAIN, version, yes);
  }

  private static Belief belief(String proposition, String domain, long version, double yes) {
    return Belief.newBuilder()
        .setPropositionId(proposition)
        .setDomain(domain)
        .setOutcomes(List.of("no", "yes"))
        .setProbabilities(List.of(1 - yes, yes))
        .setEffectiveSources(1)
        .setClaimCount(1)
        .setTopContributors(List.of())
        .setVersion(version)
        .setUpdatedAt(Instant.ofEpochMilli(version))
        .build();
  }
}
