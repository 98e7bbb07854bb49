package io.beliefnet.pipeline;

import io.beliefnet.avro.RejectionReason;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Applies each key's events in {@link InputEvent#APPLY_ORDER} rather than arrival order (see {@link
 * EventTimeBuffer}). A claim or outcome that arrives with a timestamp the watermark has already
 * passed is rejected as {@code LATE}; a registration or revocation is applied at once.
 */
public abstract class EventTimeOrderedFunction<K, O>
    extends KeyedProcessFunction<K, InputEvent, O> {

  private static final long serialVersionUID = 1L;

  private transient EventTimeBuffer buffer;

  @Override
  public void open(OpenContext openContext) throws Exception {
    buffer = new EventTimeBuffer(getRuntimeContext());
  }

  @Override
  public final void processElement(InputEvent event, Context context, Collector<O> out)
      throws Exception {
    if ((event.isRegistration() || event.isRevocation())
        && EventTimeBuffer.behind(event, context.timerService())) {
      // who may claim changes when it is known: refusing a registration would refuse every later
      // claim of its agent, so it takes effect now instead
      apply(event, context, out);
      return;
    }
    buffer
        .hold(event, context.getCurrentKey(), context.timerService())
        .ifPresent(refused -> context.output(DeadLetters.TAG, refused));
  }

  @Override
  public final void onTimer(long timestamp, OnTimerContext context, Collector<O> out)
      throws Exception {
    for (InputEvent event : buffer.release(timestamp)) {
      apply(event, context, out);
    }
  }

  /** Sends {@code event} to the dead letters with its reason. */
  protected final void reject(
      InputEvent event, Context context, RejectionReason reason, String message) {
    context.output(DeadLetters.TAG, DeadLetters.of(event.source, reason, message));
  }

  /** Applies one event; called in {@link InputEvent#APPLY_ORDER} for each key. */
  protected abstract void apply(InputEvent event, Context context, Collector<O> out)
      throws Exception;
}
