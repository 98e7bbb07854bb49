package io.beliefnet.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.beliefnet.avro.RejectionReason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.junit.jupiter.api.Test;

class DecodedEventWatermarksTest {

  private static final long NOW = 1_000_000;
  private static final Duration OUT_OF_ORDERNESS = Duration.ofSeconds(2);

  private final DecodedEventWatermarks watermarks =
      new DecodedEventWatermarks(OUT_OF_ORDERNESS, () -> NOW);
  private final List<Long> emitted = new ArrayList<>();
  private final WatermarkOutput output =
      new WatermarkOutput() {
        @Override
        public void emitWatermark(Watermark watermark) {
          emitted.add(watermark.getTimestamp());
        }

        @Override
        public void markIdle() {}

        @Override
        public void markActive() {}
      };

  @Test
  void decodedRecordsMoveEventTime() {
    watermarks.onEvent(decoded(NOW - 10_000), NOW - 10_000, output);
    watermarks.onPeriodicEmit(output);

    assertThat(emitted).containsExactly(NOW - 10_000 - 2_000 - 1);
  }

  @Test
  void recordsRefusedAtDecodingNeverMoveEventTime() {
    watermarks.onEvent(decoded(NOW - 10_000), NOW - 10_000, output);
    InputEvent garbage = rejected(NOW + 299_000);
    watermarks.onEvent(garbage, NOW + 299_000, output);
    watermarks.onPeriodicEmit(output);

    assertThat(emitted).containsExactly(NOW - 10_000 - 2_000 - 1);
  }

  @Test
  void noRecordMovesEventTimePastTheWallClock() {
    watermarks.onEvent(decoded(NOW + 299_000), NOW + 299_000, output);
    watermarks.onPeriodicEmit(output);

    assertThat(emitted).containsExactly(NOW - 2_000 - 1);
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
