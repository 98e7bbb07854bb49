package io.beliefnet.pipeline;

import io.beliefnet.avro.Rejected;
import io.beliefnet.avro.RejectionReason;
import io.beliefnet.pipeline.validation.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimerService;

/**
 * Holds a key's events until the watermark passes them, so that they are applied in {@link
 * InputEvent#APPLY_ORDER} rather than arrival order and results do not depend on how source
 * partitions interleave. An event whose timestamp the watermark has already passed cannot wait.
 *
 * <p>State: the events of the last {@code max-out-of-orderness} of event time, one map entry per
 * event (adding one never rewrites the others), and a count per timestamp; empty whenever the
 * watermark has caught up.
 */
final class EventTimeBuffer {

  /** Events waiting at each timestamp: how many there are. */
  static final MapStateDescriptor<Long, Integer> PENDING_COUNTS =
      new MapStateDescriptor<>("pending-counts", Types.LONG, Types.INT);

  /** The waiting events, each under its own slot: (timestamp, index at that timestamp). */
  static final MapStateDescriptor<Long, InputEvent> PENDING_EVENTS =
      new MapStateDescriptor<>("pending-event-slots", Types.LONG, Types.POJO(InputEvent.class));

  /** Bits of a slot that hold the index; the rest hold the timestamp. */
  private static final int INDEX_BITS = 16;

  /** Most events of one key that may wait at one timestamp. */
  static final int MAX_PENDING_PER_TIMESTAMP = 1 << INDEX_BITS;

  private final MapState<Long, Integer> pendingCounts;
  private final MapState<Long, InputEvent> pendingEvents;

  EventTimeBuffer(RuntimeContext context) {
    pendingCounts = context.getMapState(PENDING_COUNTS);
    pendingEvents = context.getMapState(PENDING_EVENTS);
  }

  /** True when the watermark has passed {@code event}'s timestamp: it is too late to wait. */
  static boolean behind(InputEvent event, TimerService timers) {
    return event.source.timestamp <= timers.currentWatermark();
  }

  /**
   * Keeps {@code event} of key {@code key} until the watermark passes it, with a timer at its
   * timestamp; or returns its dead letter, saying why it cannot wait.
   */
  Optional<Rejected> hold(InputEvent event, Object key, TimerService timers) throws Exception {
    return tryHold(event, key, timers)
        .map(refused -> DeadLetters.of(event.source, refused.reason(), refused.message()));
  }

  /** Holds the event, or says why it cannot wait. */
  private Optional<Violation> tryHold(InputEvent event, Object key, TimerService timers)
      throws Exception {
    long timestamp = event.source.timestamp;
    if (behind(event, timers)) {
      return Optional.of(late(event, timers.currentWatermark()));
    }
    Integer waiting = pendingCounts.get(timestamp);
    int count = waiting == null ? 0 : waiting;
    if (count == MAX_PENDING_PER_TIMESTAMP) {
      return Optional.of(
          new Violation(
              RejectionReason.RATE_LIMITED,
              event
                  + " is one of more than "
                  + MAX_PENDING_PER_TIMESTAMP
                  + " records for "
                  + key
                  + " stamped "
                  + timestamp
                  + ": spread records over time"));
    }
    if (count == 0) {
      timers.registerEventTimeTimer(timestamp);
    }
    // one new entry per event: nothing already waiting is read or rewritten
    pendingEvents.put(slot(timestamp, count), event);
    pendingCounts.put(timestamp, count + 1);
    return Optional.empty();
  }

  /** Why {@code event}, which the watermark has passed, cannot wait for it. */
  static Violation late(InputEvent event, long watermark) {
    return new Violation(
        RejectionReason.LATE,
        event
            + " has timestamp "
            + event.source.timestamp
            + ", behind the watermark "
            + watermark
            + " by more than the allowed out-of-orderness: publish records promptly, with"
            + " their event time as the Kafka timestamp");
  }

  /** The events that waited for {@code timestamp}, in apply order; none if none did. */
  List<InputEvent> release(long timestamp) throws Exception {
    Integer waiting = pendingCounts.get(timestamp);
    if (waiting == null) {
      return List.of();
    }
    pendingCounts.remove(timestamp);
    List<InputEvent> due = new ArrayList<>(waiting);
    for (int index = 0; index < waiting; index++) {
      due.add(pendingEvents.get(slot(timestamp, index)));
      pendingEvents.remove(slot(timestamp, index));
    }
    due.sort(InputEvent.APPLY_ORDER);
    return due;
  }

  private static long slot(long timestamp, int index) {
    return (timestamp << INDEX_BITS) | index;
  }
}
