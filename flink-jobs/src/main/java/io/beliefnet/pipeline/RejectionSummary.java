package io.beliefnet.pipeline;

import io.beliefnet.avro.RejectionReason;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Counts rejections by reason and sums them up at most once per interval, as one log line an
 * operator can read or grep ({@code event=rejections_summary window_s=60 total=5 LATE=3
 * BAD_SIGNATURE=2}), instead of a line per record. A window ends with the first rejection after its
 * interval; a quiet subtask logs nothing.
 */
final class RejectionSummary {
  private final long intervalMillis;
  private final Map<RejectionReason, Long> counts = new EnumMap<>(RejectionReason.class);
  private long windowStart;

  RejectionSummary(Duration interval, long now) {
    this.intervalMillis = interval.toMillis();
    this.windowStart = now;
  }

  /** Counts one rejection at wall-clock time {@code now}; the summary of a window that ended. */
  Optional<String> add(RejectionReason reason, long now) {
    counts.merge(reason, 1L, Long::sum);
    if (now - windowStart < intervalMillis) {
      return Optional.empty();
    }
    StringBuilder line =
        new StringBuilder("event=rejections_summary window_s=")
            .append((now - windowStart) / 1000)
            .append(" total=")
            .append(counts.values().stream().mapToLong(Long::longValue).sum());
    counts.forEach((counted, count) -> line.append(' ').append(counted).append('=').append(count));
    counts.clear();
    windowStart = now;
    return Optional.of(line.toString());
  }
}
