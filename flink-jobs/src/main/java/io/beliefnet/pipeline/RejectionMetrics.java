package io.beliefnet.pipeline;

import io.beliefnet.avro.Rejected;
import io.beliefnet.avro.RejectionReason;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.metrics.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts dead letters on their way to the sink: metric {@code records_rejected} with a {@code
 * reason} label per {@link RejectionReason}, so operators can alert on a reason that spikes, and a
 * {@link RejectionSummary} log line per minute at most.
 */
public final class RejectionMetrics extends RichMapFunction<Rejected, Rejected> {

  private static final long serialVersionUID = 1L;

  private static final Logger LOG = LoggerFactory.getLogger(RejectionMetrics.class);
  private static final Duration SUMMARY_INTERVAL = Duration.ofMinutes(1);

  private transient Map<RejectionReason, Counter> counters;
  private transient RejectionSummary summary;

  @Override
  public void open(OpenContext openContext) {
    summary = new RejectionSummary(SUMMARY_INTERVAL, System.currentTimeMillis());
    counters = new EnumMap<>(RejectionReason.class);
    for (RejectionReason reason : RejectionReason.values()) {
      counters.put(
          reason,
          getRuntimeContext()
              .getMetricGroup()
              .addGroup("reason", reason.name())
              .counter("records_rejected"));
    }
  }

  private int subtask() {
    return getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
  }

  @Override
  public Rejected map(Rejected rejected) {
    counters.get(rejected.getReasonCode()).inc();
    summary
        .add(rejected.getReasonCode(), System.currentTimeMillis())
        .ifPresent(line -> LOG.info("{} subtask={}", line, subtask()));
    return rejected;
  }
}
