package io.beliefnet.pipeline;

import io.beliefnet.model.DomainUpdate;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;

/**
 * The proposition stage's metrics: claims and outcomes applied, beliefs emitted, open propositions
 * and the lag of the latest belief. Each subtask counts its share of the open propositions, kept in
 * operator state and summed again when the job is rescaled.
 */
final class PropositionStageMetrics {
  static final ListStateDescriptor<Long> OPEN_PROPOSITIONS =
      new ListStateDescriptor<>("open-propositions", Types.LONG);

  private final Counter claimsApplied;
  private final Counter outcomesApplied;
  private final Counter beliefsEmitted;
  private long openPropositions;

  /** Wall-clock time minus the event time of the latest belief emitted, in milliseconds. */
  private volatile long beliefUpdateLagMillis;

  PropositionStageMetrics(MetricGroup group, Iterable<Long> openShares) {
    for (long share : openShares) {
      openPropositions += share;
    }
    claimsApplied = group.counter("claims_applied");
    outcomesApplied = group.counter("outcomes_applied");
    beliefsEmitted = group.counter("beliefs_emitted");
    group.gauge("open_propositions", (Gauge<Long>) () -> openPropositions);
    group.gauge("belief_update_lag_ms", (Gauge<Long>) () -> beliefUpdateLagMillis);
  }

  void applied(InputEvent event, DomainUpdate update, long eventTime) {
    if (event.isClaim()) {
      claimsApplied.inc();
    } else if (event.isOutcome()) {
      outcomesApplied.inc();
    }
    if (!update.beliefs().isEmpty()) {
      beliefsEmitted.inc(update.beliefs().size());
      beliefUpdateLagMillis = System.currentTimeMillis() - eventTime;
    }
    openChanged(update.openChange());
  }

  long openPropositions() {
    return openPropositions;
  }

  void openChanged(int change) {
    openPropositions += change;
  }
}
