package io.beliefnet.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;

class NeverIdleKeyedProcessOperatorTest {

  /** Forwards each element. */
  private static final class Forward extends KeyedProcessFunction<String, String, String> {
    @Override
    public void processElement(String value, Context context, Collector<String> out) {
      out.collect(value);
    }
  }

  @Test
  void idleInputIsNotPassedOnButWatermarksAre() throws Exception {
    assertThat(outputAfterIdleInput(new KeyedProcessOperator<>(new Forward())))
        .as("a plain operator passes idleness on")
        .contains(WatermarkStatus.IDLE);

    assertThat(outputAfterIdleInput(new NeverIdleKeyedProcessOperator<>(new Forward())))
        .doesNotContain(WatermarkStatus.IDLE)
        .contains(new Watermark(100));
  }

  private static Object[] outputAfterIdleInput(
      KeyedProcessOperator<String, String, String> operator) throws Exception {
    try (var harness =
        new KeyedOneInputStreamOperatorTestHarness<>(operator, value -> value, Types.STRING)) {
      harness.open();
      harness.processWatermark(100);
      harness.processWatermarkStatus(WatermarkStatus.IDLE);
      harness.processWatermarkStatus(WatermarkStatus.ACTIVE);
      return harness.getOutput().toArray();
    }
  }
}
