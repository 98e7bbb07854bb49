package io.beliefnet.dashboard;

import io.beliefnet.avro.Rejected;
import io.beliefnet.avro.RejectionReason;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** How many records the job rejected for each reason, with the latest explanation of each. */
final class RejectionCounts {

  /** One reason: its count, and the latest rejection's sentence and source topic. */
  record Count(String reasonCode, long count, String lastReason, String lastSourceTopic) {}

  private final Map<RejectionReason, Count> counts = new EnumMap<>(RejectionReason.class);

  List<DashboardEvent> onRejected(Rejected rejected) {
    Count previous = counts.get(rejected.getReasonCode());
    Count count =
        new Count(
            rejected.getReasonCode().name(),
            previous == null ? 1 : previous.count() + 1,
            rejected.getReason(),
            rejected.getSourceTopic());
    counts.put(rejected.getReasonCode(), count);
    return List.of(new DashboardEvent("rejected", count));
  }

  /** Every reason seen, in the order the schema lists them. */
  List<Count> counts() {
    return List.copyOf(counts.values());
  }
}
