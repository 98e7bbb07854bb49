package io.beliefnet.pipeline;

import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;

/**
 * A keyed process operator whose output never turns idle, for an event-time stage that feeds
 * another one.
 *
 * <p>Such a stage holds events until the watermark passes them. After a quiet spell all sources are
 * idle, and so would be every subtask of this stage. When traffic resumes, each subtask becomes
 * active again, releases what it held and passes the new watermark on; the next stage would take
 * the watermark of the first subtask to do so while ignoring the others, still idle to it, and then
 * find their released events behind its watermark. Staying active makes the next stage wait for
 * every subtask's watermark, which each sends after the events it releases. All subtasks receive
 * the same watermarks from the sources, so none holds the others back.
 */
final class NeverIdleKeyedProcessOperator<K, I, O> extends KeyedProcessOperator<K, I, O> {

  private static final long serialVersionUID = 1L;

  NeverIdleKeyedProcessOperator(KeyedProcessFunction<K, I, O> function) {
    super(function);
  }

  @Override
  public void processWatermarkStatus(WatermarkStatus status) throws Exception {
    if (status.isActive()) {
      super.processWatermarkStatus(status);
    }
  }
}
