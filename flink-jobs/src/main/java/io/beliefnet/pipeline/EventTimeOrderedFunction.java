package io.beliefnet.pipeline;

import io.beliefnet.avro.RejectionReason;
import io.beliefnet.pipeline.kafka.DeadLetters;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Applies each key's events in {@link InputEvent#APPLY_ORDER} rather than arrival order, so that
 * results do not depend on how source partitions interleave: events wait in keyed state until the
 * watermark passes their timestamp. A claim or outcome that arrives with a timestamp the watermark
 * has already passed is rejected as {@code LATE}; a registration or revocation is applied at once.
 *
 * <p>State: the buffer holds the events of the last {@code max-out-of-orderness} of event time;
 * it is empty whenever the watermark has caught up.
 */
public abstract class EventTimeOrderedFunction<K, O> extends KeyedProcessFunction<K, InputEvent, O> {

  private static final long serialVersionUID = 1L;

  private static final MapStateDescriptor<Long, List<InputEvent>> PENDING =
      new MapStateDescriptor<>(
          "pending-events", Types.LONG, Types.LIST(Types.POJO(InputEvent.class)));

  private transient MapState<Long, List<InputEvent>> pending;

  @Override
  public void open(OpenContext openContext) throws Exception {
    pending = getRuntimeContext().getMapState(PENDING);
  }

  @Override
  public final void processElement(InputEvent event, Context context, Collector<O> out)
      throws Exception {
    long timestamp = event.source.timestamp;
    boolean behind = timestamp <= context.timerService().currentWatermark();
    if (behind && (event.isRegistration() || event.isRevocation())) {
      // who may claim changes when it is known: refusing a registration would refuse every later
      // claim of its agent, so it takes effect now instead
      apply(event, context, out);
      return;
    }
    if (behind) {
      context.output(
          DeadLetters.TAG,
          DeadLetters.of(
              event.source,
              RejectionReason.LATE,
              event + " has timestamp " + timestamp + ", behind the watermark "
                  + context.timerService().currentWatermark() + " by more than the allowed"
                  + " out-of-orderness: publish records promptly, with their event time as the"
                  + " Kafka timestamp"));
      return;
    }
    List<InputEvent> atTimestamp = pending.get(timestamp);
    if (atTimestamp == null) {
      atTimestamp = new ArrayList<>();
      context.timerService().registerEventTimeTimer(timestamp);
    }
    atTimestamp.add(event);
    pending.put(timestamp, atTimestamp);
  }

  @Override
  public final void onTimer(long timestamp, OnTimerContext context, Collector<O> out)
      throws Exception {
    List<InputEvent> due = pending.get(timestamp);
    if (due != null) {
      pending.remove(timestamp);
      due.sort(InputEvent.APPLY_ORDER);
      for (InputEvent event : due) {
        apply(event, context, out);
      }
    }
    onEventTime(timestamp, context, out);
  }

  /**
   * Called when event time reaches a timer a subclass registered, after the events due then;
   * does nothing unless overridden.
   */
  protected void onEventTime(long timestamp, OnTimerContext context, Collector<O> out)
      throws Exception {}

  /** Applies one event; called in {@link InputEvent#APPLY_ORDER} for each key. */
  protected abstract void apply(InputEvent event, Context context, Collector<O> out)
      throws Exception;
}
