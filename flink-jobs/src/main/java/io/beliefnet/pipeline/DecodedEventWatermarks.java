package io.beliefnet.pipeline;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.util.clock.RelativeClock;

/**
 * Bounded out-of-orderness watermarks, one per source partition, that only decoded records may
 * move, and none further than the job's wall clock. Without these guards one garbage record per
 * partition stamped minutes ahead would move event time there and make every honest record after it
 * late. A record that decodes but is not yet verified (its signature is checked downstream) can
 * move event time at most to the wall clock minus the out-of-orderness, where promptly published
 * honest records hold it anyway.
 *
 * <p>A partition whose last decoded record arrived live (stamped within twice the out-of-orderness
 * of the wall clock) and that then reads nothing for the out-of-orderness has caught up with its
 * producers: their next records will be stamped about now. Its newest event time then follows the
 * wall clock less the out-of-orderness, and its watermark is another out-of-orderness behind: the
 * last claims of a stream that goes quiet are applied about twice the out-of-orderness after they
 * were made without anyone sending more, and a record that reaches a quiet partition, where nothing
 * newer shows how far behind it is, may take up to twice the out-of-orderness to arrive (a
 * producer's first record after connecting, on a loaded broker). After a backlog, though, the last
 * record read is not live, so once the job has caught up its last out-of-orderness of events waits
 * until the partition has been quiet for the idle timeout. A partition that reads no decoded record
 * for the idle timeout has caught up with its producers, live or not: its watermark moves to its
 * newest record, releasing everything it read, and then it stops holding the watermark back. So a
 * partition that stays quiet (the agents topic between registrations, outcomes between resolutions)
 * holds busy ones back for the idle timeout only, and a record that reaches it after that may be as
 * far behind the busy partitions' newest records as theirs may; with every partition idle, event
 * time stands still and no record is late. Garbage never counts as a record here, so it can neither
 * keep a partition active nor make it live. Quiet time is counted on the source's input activity
 * clock, which stands still while the source is back-pressured: a partition the job is behind on
 * never looks quiet for that reason.
 */
public final class DecodedEventWatermarks implements WatermarkGenerator<InputEvent> {

  private final long outOfOrdernessMillis;
  private final long idleTimeoutMillis;
  private final LongSupplier wallClock;
  private final RelativeClock inputActivity;
  private long maxTimestamp;
  private long newestDecoded = Long.MIN_VALUE;
  private long lastDecodedAt;
  private boolean live;
  private boolean idle;

  public DecodedEventWatermarks(
      Duration outOfOrderness,
      Duration idleTimeout,
      LongSupplier wallClock,
      RelativeClock inputActivity) {
    this.outOfOrdernessMillis = outOfOrderness.toMillis();
    this.idleTimeoutMillis = idleTimeout.toMillis();
    this.wallClock = wallClock;
    this.inputActivity = inputActivity;
    this.maxTimestamp = Long.MIN_VALUE + outOfOrdernessMillis + 1;
    this.lastDecodedAt = inputActivity.relativeTimeMillis();
  }

  @Override
  public void onEvent(InputEvent event, long timestamp, WatermarkOutput output) {
    if (event.isRejected()) {
      return;
    }
    long now = wallClock.getAsLong();
    newestDecoded = Math.max(newestDecoded, Math.min(timestamp, now));
    maxTimestamp = Math.max(maxTimestamp, newestDecoded);
    live = Math.abs(now - timestamp) <= 2 * outOfOrdernessMillis;
    lastDecodedAt = inputActivity.relativeTimeMillis();
    idle = false;
  }

  @Override
  public void onPeriodicEmit(WatermarkOutput output) {
    long quietFor = inputActivity.relativeTimeMillis() - lastDecodedAt;
    if (live && quietFor >= outOfOrdernessMillis) {
      maxTimestamp = Math.max(maxTimestamp, wallClock.getAsLong() - outOfOrdernessMillis);
    }
    if (quietFor >= idleTimeoutMillis) {
      if (maxTimestamp - outOfOrdernessMillis - 1 >= newestDecoded) {
        if (!idle) {
          output.markIdle();
          idle = true;
        }
        return;
      }
      maxTimestamp = newestDecoded + outOfOrdernessMillis + 1; // releases all it read, then idles
    }
    output.emitWatermark(new Watermark(maxTimestamp - outOfOrdernessMillis - 1));
  }
}
