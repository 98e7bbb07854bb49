package io.beliefnet.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.beliefnet.avro.RejectionReason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.util.clock.ManualClock;
import org.junit.jupiter.api.Test;

class DecodedEventWatermarksTest {

  private static final long START = 1_000_000;
  private static final long OUT_OF_ORDERNESS = 2_000;
  private static final long IDLE_TIMEOUT = 5_000;

  /** The job's wall clock; the source's input activity clock moves with it unless paused. */
  private long now = START;

  private final ManualClock inputActivity = new ManualClock();
  private final DecodedEventWatermarks watermarks =
      new DecodedEventWatermarks(
          Duration.ofMillis(OUT_OF_ORDERNESS),
          Duration.ofMillis(IDLE_TIMEOUT),
          () -> now,
          inputActivity);
  private final List<Object> emitted = new ArrayList<>();
  private final WatermarkOutput output =
      new WatermarkOutput() {
        @Override
        public void emitWatermark(Watermark watermark) {
          emitted.add(watermark.getTimestamp());
        }

        @Override
        public void markIdle() {
          emitted.add("idle");
        }

        @Override
        public void markActive() {}
      };

  @Test
  void decodedRecordsMoveEventTime() {
    watermarks.onEvent(decoded(START - 10_000), START - 10_000, output);
    watermarks.onPeriodicEmit(output);

    assertThat(emitted).containsExactly(START - 10_000 - 2_000 - 1);
  }

  @Test
  void recordsRefusedAtDecodingNeverMoveEventTime() {
    watermarks.onEvent(decoded(START - 10_000), START - 10_000, output);
    InputEvent garbage = rejected(START + 299_000);
    watermarks.onEvent(garbage, START + 299_000, output);
    watermarks.onPeriodicEmit(output);

    assertThat(emitted).containsExactly(START - 10_000 - 2_000 - 1);
  }

  @Test
  void noRecordMovesEventTimePastTheWallClock() {
    watermarks.onEvent(decoded(START + 299_000), START + 299_000, output);
    watermarks.onPeriodicEmit(output);

    assertThat(emitted).containsExactly(START - 2_000 - 1);
  }

  @Test
  void aLivePartitionFollowsTheWallClockOnceQuietThenGoesIdle() {
    watermarks.onEvent(decoded(START - 500), START - 500, output);
    pass(1_999);
    watermarks.onPeriodicEmit(output);
    pass(1);
    watermarks.onPeriodicEmit(output);
    pass(60_000);
    watermarks.onPeriodicEmit(output);

    long quiet = START + 2_000;
    assertThat(emitted)
        .containsExactly(START - 500 - 2_000 - 1, quiet - 2 * OUT_OF_ORDERNESS - 1, "idle");
  }

  @Test
  void aQuietPartitionReleasesWhatItReadBeforeItGoesIdle() {
    DecodedEventWatermarks quickToIdle =
        new DecodedEventWatermarks(
            Duration.ofMillis(OUT_OF_ORDERNESS),
            Duration.ofMillis(1_000),
            () -> now,
            inputActivity);
    quickToIdle.onEvent(decoded(START), START, output);
    pass(1_000);
    quickToIdle.onPeriodicEmit(output);
    quickToIdle.onPeriodicEmit(output);

    assertThat(emitted).containsExactly(START, "idle");
  }

  @Test
  void aBackPressuredPartitionIsNotQuiet() {
    watermarks.onEvent(decoded(START - 500), START - 500, output);
    now += 10_000; // the source could not emit: its input activity clock stood still
    watermarks.onPeriodicEmit(output);

    assertThat(emitted).containsExactly(START - 500 - 2_000 - 1);
  }

  @Test
  void aReplayOfOldTimestampsIsReleasedAndGoesIdleInsteadOfFollowingTheClock() {
    watermarks.onEvent(decoded(START - 60_000), START - 60_000, output);
    pass(IDLE_TIMEOUT - 1);
    watermarks.onPeriodicEmit(output);
    pass(1);
    watermarks.onPeriodicEmit(output);
    watermarks.onPeriodicEmit(output);

    assertThat(emitted).containsExactly(START - 60_000 - 2_000 - 1, START - 60_000, "idle");
  }

  @Test
  void aRecordStampedFarAheadOfTheClockIsNotLive() {
    watermarks.onEvent(decoded(START + 240_000), START + 240_000, output);
    pass(IDLE_TIMEOUT);
    watermarks.onPeriodicEmit(output);
    watermarks.onPeriodicEmit(output);

    assertThat(emitted).containsExactly(START, "idle"); // released to the clock it was read at
  }

  @Test
  void garbageNeitherKeepsAPartitionActiveNorMakesItLive() {
    for (int second = 0; second < 5; second++) {
      watermarks.onEvent(rejected(now), now, output);
      pass(1_000);
    }
    watermarks.onPeriodicEmit(output);

    assertThat(emitted).containsExactly("idle");
  }

  private void pass(long millis) {
    now += millis;
    inputActivity.advanceTime(Duration.ofMillis(millis));
  }

  private static InputEvent decoded(long timestamp) {
    return InputEvent.ofClaim(
        TestRecords.input("claims", 0, timestamp),
        TestRecords.signed(TestRecords.claim("alice", "p", timestamp, 0.8)));
  }

  private static InputEvent rejected(long timestamp) {
    KafkaInput raw = TestRecords.input("claims", 1, timestamp);
    return InputEvent.rejected(raw, DeadLetters.of(raw, RejectionReason.MALFORMED_BYTES, "noise"));
  }
}
