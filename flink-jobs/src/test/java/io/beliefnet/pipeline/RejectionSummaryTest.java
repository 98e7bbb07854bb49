package io.beliefnet.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.beliefnet.avro.RejectionReason;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RejectionSummaryTest {

  @Test
  void sumsUpEachReasonOncePerIntervalAndStartsAfresh() {
    RejectionSummary summary = new RejectionSummary(Duration.ofMinutes(1), 0);

    assertThat(summary.add(RejectionReason.LATE, 1_000)).isEmpty();
    assertThat(summary.add(RejectionReason.LATE, 2_000)).isEmpty();
    assertThat(summary.add(RejectionReason.BAD_SIGNATURE, 61_000))
        .contains("event=rejections_summary window_s=61 total=3 LATE=2 BAD_SIGNATURE=1");
    assertThat(summary.add(RejectionReason.DUPLICATE, 62_000)).isEmpty();
    assertThat(summary.add(RejectionReason.DUPLICATE, 121_000))
        .contains("event=rejections_summary window_s=60 total=2 DUPLICATE=2");
  }
}
