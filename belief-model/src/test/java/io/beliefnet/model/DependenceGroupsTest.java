package io.beliefnet.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DependenceGroupsTest {
  private static final PropositionSpec PROPOSITION = PropositionSpec.of("p", "d", 2);

  private static ClaimState claim(String agent, String controller, String... evidence) {
    Claim claim =
        new Claim(PROPOSITION, agent, 0, new ClaimContent.HardLabel(1), 0, List.of(evidence));
    return ClaimState.of(claim, new AgentProfile(agent, controller, IdentityTier.VERIFIED, 0), 0);
  }

  @Test
  void claimsJoinThroughControllersAndEvidenceAsTheyAreAdded() {
    List<ClaimState> claims =
        List.of(
            claim("a", "org-1", "photo-1"),
            claim("b", "org-2"),
            claim("c", "org-3", "photo-1", "log-7"),
            claim("d", "org-2"),
            claim("e", "org-4", "log-7"));
    DependenceGroups groups = new DependenceGroups(claims.size());

    groups.add(claims.get(0));
    groups.add(claims.get(1));
    assertThat(new int[] {groups.sizeOf(0), groups.sizeOf(1)}).containsExactly(1, 1);

    groups.add(claims.get(2));
    groups.add(claims.get(3));
    groups.add(claims.get(4));
    // a, c and e share evidence (c brings log-7 into a's group); b and d share a controller
    assertThat(
            new int[] {
              groups.sizeOf(0),
              groups.sizeOf(1),
              groups.sizeOf(2),
              groups.sizeOf(3),
              groups.sizeOf(4)
            })
        .containsExactly(3, 2, 3, 2, 3);
    DependenceGroups all = DependenceGroups.of(claims, claims.size());
    for (int i = 0; i < claims.size(); i++) {
      assertThat(all.sizeOf(i)).isEqualTo(groups.sizeOf(i));
    }
  }

  @Test
  void citingTheEvidenceOfTwoIndependentSourcesDoesNotJoinThem() {
    List<ClaimState> claims =
        List.of(
            claim("a", "org-1", "photo-1"),
            claim("b", "org-2", "log-7"),
            claim("bridge", "org-3", "log-7", "photo-1"),
            claim("b2", "org-2", "photo-1"));
    DependenceGroups groups = DependenceGroups.of(claims, claims.size());

    // the bridge joins b's group through the first id it cites that someone cited before; b2 its
    // controller's group, whatever evidence it names
    assertThat(new int[] {groups.sizeOf(0), groups.sizeOf(1), groups.sizeOf(2), groups.sizeOf(3)})
        .containsExactly(1, 3, 3, 3);
  }
}
