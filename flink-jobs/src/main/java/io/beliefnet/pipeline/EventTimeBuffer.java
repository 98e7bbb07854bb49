package io.beliefnet.pipeline;

import io.beliefnet.avro.Rejected;
import io.beliefnet.avro.RejectionReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * A key's events that wait for the watermark in keyed state, for the events an operator does not
 * hold in memory ({@link IdentityOperator}): one map entry per event, so adding one never rewrites
 * the others, and a count per timestamp.
 */
final class EventTimeBuffer {

  private static final MapStateDescriptor<Long, Integer> COUNTS =
      new MapStateDescriptor<>("spilled-counts", Types.LONG, Types.INT);

  /** The waiting events, each under its own slot: (timestamp, index at that timestamp). */
  private static final MapStateDescriptor<Long, InputEvent> EVENTS =
      new MapStateDescriptor<>("spilled-event-slots", Types.LONG, Types.POJO(InputEvent.class));

  /** Bits of a slot that hold the index; the rest hold the timestamp. */
  private static final int INDEX_BITS = 16;

  /** Most events of one key that may wait at one timestamp. */
  static final int MAX_PER_TIMESTAMP = 1 << INDEX_BITS;

  private final MapState<Long, Integer> counts;
  private final MapState<Long, InputEvent> events;

  EventTimeBuffer(RuntimeContext context) {
    counts = context.getMapState(COUNTS);
    events = context.getMapState(EVENTS);
  }

  /**
   * Keeps {@code event} under the current key, {@code key}; or returns its dead letter if the key
   * already has the most events that may wait at its timestamp.
   */
  Optional<Rejected> add(InputEvent event, Object key) throws Exception {
    long timestamp = event.source.timestamp;
    Integer waiting = counts.get(timestamp);
    int count = waiting == null ? 0 : waiting;
    if (count == MAX_PER_TIMESTAMP) {
      return Optional.of(
          DeadLetters.of(
              event.source,
              RejectionReason.RATE_LIMITED,
              event
                  + " is one of more than "
                  + MAX_PER_TIMESTAMP
                  + " records for "
                  + key
                  + " stamped "
                  + timestamp
                  + ": spread records over time"));
    }
    events.put(slot(timestamp, count), event);
    counts.put(timestamp, count + 1);
    return Optional.empty();
  }

  /** Removes and returns the current key's events at {@code timestamp}; none if none wait. */
  List<InputEvent> take(long timestamp) throws Exception {
    Integer waiting = counts.get(timestamp);
    if (waiting == null) {
      return List.of();
    }
    counts.remove(timestamp);
    List<InputEvent> due = new ArrayList<>(waiting);
    for (int index = 0; index < waiting; index++) {
      due.add(events.get(slot(timestamp, index)));
      events.remove(slot(timestamp, index));
    }
    return due;
  }

  private static long slot(long timestamp, int index) {
    return (timestamp << INDEX_BITS) | index;
  }
}
