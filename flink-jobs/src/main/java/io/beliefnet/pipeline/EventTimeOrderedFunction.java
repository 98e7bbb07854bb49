package io.beliefnet.pipeline;

import io.beliefnet.avro.RejectionReason;
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
 * <p>State: the buffer holds the events of the last {@code max-out-of-orderness} of event time, one
 * map entry per event (adding one never rewrites the others), and a count per timestamp; it is
 * empty whenever the watermark has caught up.
 */
public abstract class EventTimeOrderedFunction<K, O>
    extends KeyedProcessFunction<K, InputEvent, O> {

  private static final long serialVersionUID = 1L;

  /** Events waiting at each timestamp: how many there are. */
  private static final MapStateDescriptor<Long, Integer> PENDING_COUNTS =
      new MapStateDescriptor<>("pending-counts", Types.LONG, Types.INT);

  /** The waiting events, each under its own slot: (timestamp, index at that timestamp). */
  private static final MapStateDescriptor<Long, InputEvent> PENDING_EVENTS =
      new MapStateDescriptor<>("pending-event-slots", Types.LONG, Types.POJO(InputEvent.class));

  /** Bits of a slot that hold the index; the rest hold the timestamp. */
  private static final int INDEX_BITS = 16;

  /** Most events of one key that may wait at one timestamp. */
  static final int MAX_PENDING_PER_TIMESTAMP = 1 << INDEX_BITS;

  private transient MapState<Long, Integer> pendingCounts;
  private transient MapState<Long, InputEvent> pendingEvents;

  @Override
  public void open(OpenContext openContext) throws Exception {
    pendingCounts = getRuntimeContext().getMapState(PENDING_COUNTS);
    pendingEvents = getRuntimeContext().getMapState(PENDING_EVENTS);
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
      reject(
          event,
          context,
          RejectionReason.LATE,
          event
              + " has timestamp "
              + timestamp
              + ", behind the watermark "
              + context.timerService().currentWatermark()
              + " by more than the allowed"
              + " out-of-orderness: publish records promptly, with their event time as the"
              + " Kafka timestamp");
      return;
    }
    Integer waiting = pendingCounts.get(timestamp);
    int count = waiting == null ? 0 : waiting;
    if (count == MAX_PENDING_PER_TIMESTAMP) {
      reject(
          event,
          context,
          RejectionReason.RATE_LIMITED,
          event
              + " is one of more than "
              + MAX_PENDING_PER_TIMESTAMP
              + " records for "
              + context.getCurrentKey()
              + " stamped "
              + timestamp
              + ": spread records over time");
      return;
    }
    if (count == 0) {
      context.timerService().registerEventTimeTimer(timestamp);
    }
    // one new entry per event: nothing already waiting is read or rewritten
    pendingEvents.put(slot(timestamp, count), event);
    pendingCounts.put(timestamp, count + 1);
  }

  @Override
  public final void onTimer(long timestamp, OnTimerContext context, Collector<O> out)
      throws Exception {
    Integer waiting = pendingCounts.get(timestamp);
    if (waiting != null) {
      pendingCounts.remove(timestamp);
      List<InputEvent> due = new ArrayList<>(waiting);
      for (int index = 0; index < waiting; index++) {
        due.add(pendingEvents.get(slot(timestamp, index)));
        pendingEvents.remove(slot(timestamp, index));
      }
      due.sort(InputEvent.APPLY_ORDER);
      for (InputEvent event : due) {
        apply(event, context, out);
      }
    }
    onEventTime(timestamp, context, out);
  }

  private static long slot(long timestamp, int index) {
    return (timestamp << INDEX_BITS) | index;
  }

  /** Sends {@code event} to the dead letters with its reason. */
  protected final void reject(
      InputEvent event, Context context, RejectionReason reason, String message) {
    context.output(DeadLetters.TAG, DeadLetters.of(event.source, reason, message));
  }

  /**
   * Called when event time reaches a timer a subclass registered, after the events due then; does
   * nothing unless overridden.
   */
  protected void onEventTime(long timestamp, OnTimerContext context, Collector<O> out)
      throws Exception {}

  /** Applies one event; called in {@link InputEvent#APPLY_ORDER} for each key. */
  protected abstract void apply(InputEvent event, Context context, Collector<O> out)
      throws Exception;
}
