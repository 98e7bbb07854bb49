package io.beliefnet.pipeline;

import io.beliefnet.avro.Rejected;
import io.beliefnet.avro.RejectionReason;
import java.util.EnumMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.metrics.Counter;

/**
 * Counts dead letters on their way to the sink: metric {@code records_rejected} with a {@code
 * reason} label per {@link RejectionReason}, so operators can alert on a reason that spikes.
 */
public final class RejectionMetrics extends RichMapFunction<Rejected, Rejected> {

  private static final long serialVersionUID = 1L;

  private transient Map<RejectionReason, Counter> counters;

  @Override
  public void open(OpenContext openContext) {
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

  @Override
  public Rejected map(Rejected rejected) {
    counters.get(rejected.getReasonCode()).inc();
    return rejected;
  }
}
