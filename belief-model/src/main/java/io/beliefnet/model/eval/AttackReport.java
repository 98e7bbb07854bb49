package io.beliefnet.model.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The synthetic attack table: for each scenario, the model and majority vote on the same claims
 * ({@link SyntheticWorld}), then what each kind of agent earned in settlement in the scenario with
 * every attack at once.
 */
public record AttackReport(
    List<AttackScenario> scenarios,
    List<SyntheticWorld.Run> runs,
    Map<SyntheticWorld.AgentKind, SyntheticWorld.SettlementTotal> settlementsUnderAllAttacks) {

  /** The scenarios of the table: growing sybil share, then the other attacks, then all together. */
  public static List<AttackScenario> standardScenarios() {
    return List.of(
        AttackScenario.sybils(0),
        AttackScenario.sybils(0.1),
        AttackScenario.sybils(0.3),
        AttackScenario.sybils(0.5),
        AttackScenario.sybils(0.6),
        new AttackScenario("staked-liar", 0, true, false),
        new AttackScenario("spam-flood", 0, false, true),
        new AttackScenario("all-attacks", 0.5, true, true));
  }

  public static AttackReport run(long seed) {
    List<AttackScenario> scenarios = standardScenarios();
    List<SyntheticWorld.Run> runs = new ArrayList<>();
    for (AttackScenario scenario : scenarios) {
      runs.add(SyntheticWorld.run(scenario, seed));
    }
    return new AttackReport(scenarios, runs, runs.get(runs.size() - 1).settlements());
  }

  /** The run of the scenario named {@code name}. */
  public SyntheticWorld.Run run(String name) {
    for (int i = 0; i < scenarios.size(); i++) {
      if (scenarios.get(i).name().equals(name)) {
        return runs.get(i);
      }
    }
    throw new IllegalArgumentException("no scenario named " + name + " in " + scenarios);
  }

  /**
   * One line per scenario and method ({@code scenario=<name> sybil-share=<x> } + {@link
   * MethodResult#toLine()}), then one line per agent kind ({@code settlement kind=<kind> claims=<n>
   * total=<x> per-claim=<x>}).
   */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < scenarios.size(); i++) {
      SyntheticWorld.Run run = runs.get(i);
      String prefix =
          String.format(
              Locale.ROOT,
              "scenario=%s sybil-share=%.2f ",
              scenarios.get(i).name(),
              run.measuredSybilShare());
      lines.add(prefix + run.model().toLine());
      lines.add(prefix + run.majority().toLine());
    }
    settlementsUnderAllAttacks.forEach(
        (kind, total) ->
            lines.add(
                String.format(
                    Locale.ROOT,
                    "settlement kind=%s claims=%d total=%.3f per-claim=%.4f",
                    kind.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    total.claims(),
                    total.amount(),
                    total.perClaim())));
    return lines;
  }
}
