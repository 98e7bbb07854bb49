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
  void claimsJoinThroughControllersAndEvidenceTransitivelyAsTheyAreAdded() {
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
    // a, c and e share evidence (c links the two ids); b and d share a controller
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
}
