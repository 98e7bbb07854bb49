package io.beliefnet.dashboard;

import io.beliefnet.avro.AgentReliability;
import io.beliefnet.avro.Settlement;
import io.beliefnet.ids.IdRules;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * The leaderboard: each agent's learned reliability per domain with its reputation (the running
 * total of its settlements) and its latest settlement. Keeps at most {@link #MAX_ROWS} agent and
 * domain pairs, forgetting the one updated longest ago.
 */
final class AgentBoard {

  static final int MAX_ROWS = 1_000;

  /** One agent in one domain. */
  record Row(
      String agentId,
      String domain,
      double accuracy,
      double accuracyStdDev,
      long settledClaims,
      double settlementTotal,
      double informationGainTotal,
      Double lastSettlement,
      String lastSettledProposition,
      long updatedAt) {}

  private static final class Entry {
    AgentReliability reliability;
    Settlement lastSettlement;

    Optional<Row> row() {
      if (reliability == null) {
        return Optional.empty();
      }
      return Optional.of(
          new Row(
              reliability.getAgentId(),
              reliability.getDomain(),
              reliability.getAccuracy(),
              reliability.getAccuracyStdDev(),
              reliability.getSettledClaims(),
              reliability.getSettlementTotal(),
              reliability.getInformationGainTotal(),
              lastSettlement == null ? null : lastSettlement.getAmount(),
              lastSettlement == null ? null : lastSettlement.getPropositionId(),
              reliability.getUpdatedAt().toEpochMilli()));
    }
  }

  /** Least recently updated first. */
  private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();

  List<DashboardEvent> onReliability(AgentReliability reliability) {
    Entry entry = touch(reliability.getAgentId(), reliability.getDomain());
    entry.reliability = reliability;
    return event(entry);
  }

  /** A settlement shows on its agent's row once the row has a reliability. */
  List<DashboardEvent> onSettlement(Settlement settlement) {
    Entry entry = touch(settlement.getAgentId(), settlement.getDomain());
    entry.lastSettlement = settlement;
    return event(entry);
  }

  /** Rows by reputation, highest first. */
  List<Row> rows() {
    return entries.values().stream()
        .flatMap(entry -> entry.row().stream())
        .sorted(Comparator.comparingDouble(Row::settlementTotal).reversed())
        .toList();
  }

  private static List<DashboardEvent> event(Entry entry) {
    return entry.row().map(row -> List.of(new DashboardEvent("agent", row))).orElse(List.of());
  }

  private Entry touch(String agentId, String domain) {
    String key = IdRules.reliabilityKey(agentId, domain);
    Entry entry = entries.remove(key);
    if (entry == null) {
      entry = new Entry();
      if (entries.size() == MAX_ROWS) {
        entries.remove(entries.keySet().iterator().next());
      }
    }
    entries.put(key, entry);
    return entry;
  }
}
