package io.beliefnet.pipeline;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * Bounded out-of-orderness watermarks, one per source partition, that only decoded records may
 * move, and none further than the job's wall clock. Without these guards one garbage record per
 * partition stamped minutes ahead would move event time there and make every honest record after it
 * late. A record that decodes but is not yet verified (its signature is checked downstream) can
 * move event time at most to the wall clock minus the out-of-orderness, where promptly published
 * honest records hold it anyway.
 */
public final class DecodedEventWatermarks implements WatermarkGenerator<InputEvent> {

  private final long outOfOrdernessMillis;
  private final LongSupplier wallClock;
  private long maxTimestamp;

  public DecodedEventWatermarks(Duration outOfOrderness, LongSupplier wallClock) {
    this.outOfOrdernessMillis = outOfOrderness.toMillis();
    this.wallClock = wallClock;
    this.maxTimestamp = Long.MIN_VALUE + outOfOrdernessMillis + 1;
  }

  @Override
  public void onEvent(InputEvent event, long timestamp, WatermarkOutput output) {
    if (!event.isRejected()) {
      maxTimestamp = Math.max(maxTimestamp, Math.min(timestamp, wallClock.getAsLong()));
    }
  }

  @Override
  public void onPeriodicEmit(WatermarkOutput output) {
    output.emitWatermark(new Watermark(maxTimestamp - outOfOrdernessMillis - 1));
  }
}
