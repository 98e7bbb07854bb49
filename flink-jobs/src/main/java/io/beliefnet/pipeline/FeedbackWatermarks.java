package io.beliefnet.pipeline;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Event time of the feedback topic: none of its own. Feedback is applied when it arrives, so its
 * source reports the end of time, and the stages it feeds take their event time from the input
 * topics alone.
 */
final class FeedbackWatermarks implements WatermarkGenerator<InputEvent> {

  private FeedbackWatermarks() {}

  static WatermarkStrategy<InputEvent> neverHoldingBack() {
    return WatermarkStrategy.forGenerator(context -> new FeedbackWatermarks());
  }

  @Override
  public void onEvent(InputEvent event, long eventTimestamp, WatermarkOutput output) {}

  @Override
  public void onPeriodicEmit(WatermarkOutput output) {
    output.emitWatermark(new Watermark(Long.MAX_VALUE));
  }
}
