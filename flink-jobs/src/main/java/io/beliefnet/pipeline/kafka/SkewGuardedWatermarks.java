package io.beliefnet.pipeline.kafka;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * Bounded out-of-orderness watermarks that ignore timestamps further than {@code maxClockSkew}
 * ahead of the wall clock. Without the guard one record stamped years ahead would move event time
 * there and make every honest record after it late; with it, such a record only waits to be
 * rejected by {@code DecodeInput}.
 */
public final class SkewGuardedWatermarks implements WatermarkGenerator<KafkaInput> {

  private final long outOfOrdernessMillis;
  private final long maxClockSkewMillis;
  private long maxTimestamp;

  public SkewGuardedWatermarks(Duration outOfOrderness, Duration maxClockSkew) {
    this.outOfOrdernessMillis = outOfOrderness.toMillis();
    this.maxClockSkewMillis = maxClockSkew.toMillis();
    this.maxTimestamp = Long.MIN_VALUE + outOfOrdernessMillis + 1;
  }

  /** True if {@code timestamp} is no further ahead of the wall clock than the allowed skew. */
  public static boolean plausible(long timestamp, long maxClockSkewMillis) {
    return timestamp - System.currentTimeMillis() <= maxClockSkewMillis;
  }

  @Override
  public void onEvent(KafkaInput event, long timestamp, WatermarkOutput output) {
    if (plausible(timestamp, maxClockSkewMillis)) {
      maxTimestamp = Math.max(maxTimestamp, timestamp);
    }
  }

  @Override
  public void onPeriodicEmit(WatermarkOutput output) {
    output.emitWatermark(new Watermark(maxTimestamp - outOfOrdernessMillis - 1));
  }
}
