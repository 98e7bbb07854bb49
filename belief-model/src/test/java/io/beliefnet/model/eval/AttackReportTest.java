package io.beliefnet.model.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.beliefnet.model.eval.SyntheticWorld.AgentKind;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AttackReportTest {
  private static AttackReport report;

  @BeforeAll
  static void runTheWorld() {
    report = AttackReport.run(1);
  }

  @Test
  void sybilRingWithHalfOfAllClaimsCostsAtMostTwoPointsWhileMajorityVoteCollapses() {
    SyntheticWorld.Run clean = report.run("attack-free");
    SyntheticWorld.Run attacked = report.run("sybil-50%");

    assertThat(attacked.measuredSybilShare()).isBetween(0.4, 0.6);
    assertThat(attacked.model().accuracy()).isGreaterThanOrEqualTo(clean.model().accuracy() - 0.02);
    assertThat(attacked.majority().accuracy()).isLessThan(clean.majority().accuracy() - 0.3);
  }

  @Test
  void everyAttackLeavesTheModelWithinTwoPointsOfTheCleanRun() {
    double clean = report.run("attack-free").model().accuracy();
    for (SyntheticWorld.Run run : report.runs()) {
      assertThat(run.model().accuracy()).isGreaterThanOrEqualTo(clean - 0.02);
    }
  }

  @Test
  void specialistsEarnTheMostAndCopiersAboutNothing() {
    Map<AgentKind, SyntheticWorld.SettlementTotal> settled = report.settlementsUnderAllAttacks();
    double specialist = settled.get(AgentKind.SPECIALIST).perClaim();

    for (AgentKind kind : AgentKind.values()) {
      if (kind != AgentKind.SPECIALIST) {
        assertThat(settled.get(kind).amount())
            .isLessThan(settled.get(AgentKind.SPECIALIST).amount());
      }
    }
    assertThat(Math.abs(settled.get(AgentKind.COPIER).perClaim())).isLessThan(0.25 * specialist);
    // dust stakes on its lies make the liar an unstaked voice: capped, it moves nothing and earns
    // about nothing, instead of keeping the influence its registered stake would buy
    assertThat(Math.abs(settled.get(AgentKind.STAKED_LIAR).perClaim()))
        .isLessThan(0.05 * specialist);
  }

  @Test
  void reportPrintsAModelAndAMajorityLinePerScenarioThenSettlements() {
    assertThat(report.lines())
        .hasSize(2 * report.scenarios().size() + AgentKind.values().length)
        .first()
        .asString()
        .startsWith("scenario=attack-free sybil-share=0.00 method=model accuracy=");
  }
}
