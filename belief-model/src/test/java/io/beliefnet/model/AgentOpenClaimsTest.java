package io.beliefnet.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AgentOpenClaimsTest {

  private final InMemoryOpenClaimSlots slots = new InMemoryOpenClaimSlots();
  private final AgentOpenClaims open = new AgentOpenClaims(slots);

  @Test
  void walksTheOpenClaimsRoundRobinEachAtMostOncePerWalk() {
    put("a", "b", "c");

    assertThat(propositions(open.next(2))).containsExactly("a", "b");
    assertThat(propositions(open.next(2))).containsExactly("c", "a");
    assertThat(propositions(open.next(8))).containsExactly("b", "c", "a");
  }

  @Test
  void aNewClaimOnTheSamePropositionTakesTheEarlierOnesPlace() {
    put("a", "b", "c");

    put("a");

    assertThat(propositions(open.all())).containsExactly("a", "b", "c");
    assertThat(slots.ring().getOpen()).isEqualTo(3);
    assertThat(slots.ring().getEnd()).isEqualTo(3);
  }

  @Test
  void aClaimOnItsWayLeavesAStandingOneOnTheSamePropositionAsItIs() {
    OpenClaim standing = new OpenClaim();
    standing.setPropositionId("a");
    standing.setLabel(1);
    open.put(standing);
    OpenClaim onItsWay = new OpenClaim();
    onItsWay.setPropositionId("a");
    onItsWay.setLabel(0);

    open.putIfAbsent(onItsWay);

    assertThat(open.all()).extracting(OpenClaim::getLabel).containsExactly(1);
  }

  @Test
  void removedClaimsAreSkippedAndTheFrontOfTheRingIsDropped() {
    put("a", "b", "c", "d");
    open.remove("a");
    open.remove("c");

    assertThat(propositions(open.next(8))).containsExactly("b", "d");
    assertThat(slots.ring().getFirst()).isEqualTo(1);
    assertThat(slots.get(0)).isNull();
    assertThat(slots.slotOf("c")).isNull();
  }

  @Test
  void aWalkLooksAtABoundedNumberOfEmptiedSlots() {
    for (int i = 0; i < 100; i++) {
      put("p" + i);
    }
    for (int i = 1; i < 99; i++) {
      open.remove("p" + i);
    }

    // one claim wanted: at most four slots are looked at, so the walk stops among the emptied ones
    assertThat(propositions(open.next(1))).containsExactly("p0");
    assertThat(open.next(1)).isEmpty();
    assertThat(propositions(open.all())).containsExactly("p0", "p99");
  }

  @Test
  void aRestampIsKeptInTheClaimsSlot() {
    put("a");
    OpenClaim claim = open.next(1).get(0);
    claim.setStamp(new ClaimantStamp(new double[] {-0.1, -2.3}, 1, 0.5));

    open.restamped(claim);

    assertThat(slots.get(claim.getSlot()).getStamp().independence()).isEqualTo(0.5);
  }

  private void put(String... propositionIds) {
    for (String id : propositionIds) {
      OpenClaim claim = new OpenClaim();
      claim.setPropositionId(id);
      open.put(claim);
    }
  }

  private static List<String> propositions(List<OpenClaim> claims) {
    return claims.stream().map(OpenClaim::getPropositionId).toList();
  }
}
