package io.beliefnet.pipeline;

import io.beliefnet.avro.Rejected;
import io.beliefnet.avro.RejectionReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.InternalTimeServiceManager;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * A keyed operator's events that wait for the watermark, held in memory, so that they are applied
 * in {@link InputEvent#APPLY_ORDER} rather than arrival order and results do not depend on how
 * source partitions interleave. Holding and releasing an event reads and writes no state; an event
 * still waiting when a checkpoint is taken is written to keyed state then, read back when the
 * operator is restored, whatever its parallelism, and deleted once released. (The state keeps the
 * name a keyed buffer of each event used before, so a savepoint of either kind restores.)
 *
 * <p>Events are released in timestamp order, and before each timestamp the operator's timers due
 * before it fire: a timer may add events to the hold (an operator that keeps some events in keyed
 * state brings them in this way) or act on its key, which then sees its events and its timers in
 * the same order as if each event had a timer of its own.
 */
final class WatermarkHold<K> {

  /** Events waiting at a snapshot, each under a slot unique in its subtask. */
  static final MapStateDescriptor<Long, InputEvent> HELD_AT_SNAPSHOT =
      new MapStateDescriptor<>("pending-event-slots", Types.LONG, Types.POJO(InputEvent.class));

  /** Counts per timestamp that a keyed buffer kept beside its events: dropped when restored. */
  private static final MapStateDescriptor<Long, Integer> LEGACY_COUNTS =
      new MapStateDescriptor<>("pending-counts", Types.LONG, Types.INT);

  /** A held event with its key and, once a checkpoint has written it, its slot in keyed state. */
  private static final class Held<K> {
    final K key;
    final InputEvent event;
    long slot = -1;

    Held(K key, InputEvent event) {
      this.key = key;
      this.event = event;
    }
  }

  /** How the operator applies a released event: as a record at the event's timestamp. */
  interface Apply {
    void apply(StreamRecord<InputEvent> record) throws Exception;
  }

  private final TreeMap<Long, List<Held<K>>> byTimestamp = new TreeMap<>();
  private final KeyedStateBackend<K> backend;
  private final MapState<Long, InputEvent> written;

  /** The last slot taken in keyed state: slots are unique in this subtask, across keys. */
  private long lastSlot;

  /** How far the operator's timers have been fired. */
  private long timersFiredTo = Long.MIN_VALUE;

  private int size;

  private WatermarkHold(KeyedStateBackend<K> backend) throws Exception {
    this.backend = backend;
    this.written =
        backend.getPartitionedState(
            VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE, HELD_AT_SNAPSHOT);
  }

  /**
   * The hold of an operator over {@code backend}, with the events a restored checkpoint had written
   * for this subtask's keys. Also drops the per-timestamp counts a keyed buffer kept beside its
   * events.
   */
  static <K> WatermarkHold<K> restore(KeyedStateBackend<K> backend) throws Exception {
    WatermarkHold<K> hold = new WatermarkHold<>(backend);
    MapState<Long, Integer> counts =
        backend.getPartitionedState(
            VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE, LEGACY_COUNTS);
    List<K> keys;
    try (Stream<K> written = backend.getKeys(HELD_AT_SNAPSHOT.getName(), VoidNamespace.INSTANCE)) {
      keys = written.toList();
    }
    for (K key : keys) {
      backend.setCurrentKey(key);
      for (Map.Entry<Long, InputEvent> entry : hold.written.entries()) {
        Held<K> held = new Held<>(key, entry.getValue());
        held.slot = entry.getKey();
        hold.lastSlot = Math.max(hold.lastSlot, entry.getKey());
        hold.add(held);
      }
      counts.clear();
    }
    return hold;
  }

  /** The dead letter of {@code event}, which the watermark has passed: it cannot wait for it. */
  static Rejected late(InputEvent event, long watermark) {
    return DeadLetters.of(
        event.source,
        RejectionReason.LATE,
        event
            + " has timestamp "
            + event.source.timestamp
            + ", behind the watermark "
            + watermark
            + " by more than the allowed out-of-orderness: publish records promptly, with"
            + " their event time as the Kafka timestamp");
  }

  /** Holds {@code event} of the backend's current key until the watermark reaches its timestamp. */
  void hold(InputEvent event) {
    add(new Held<>(backend.getCurrentKey(), event));
  }

  private void add(Held<K> held) {
    byTimestamp.computeIfAbsent(held.event.source.timestamp, t -> new ArrayList<>()).add(held);
    size++;
  }

  /** How many events wait. */
  int size() {
    return size;
  }

  /**
   * Releases every event at or before {@code watermark}, in timestamp order and each key's in
   * {@link InputEvent#APPLY_ORDER}, with the key set as the backend's current key; before each
   * timestamp, fires the operator's {@code timers} due before it, and at the end those due by the
   * watermark.
   */
  void release(long watermark, InternalTimeServiceManager<?> timers, Apply apply) throws Exception {
    while (true) {
      boolean due = !byTimestamp.isEmpty() && byTimestamp.firstKey() <= watermark;
      long fireTo = due ? byTimestamp.firstKey() - 1 : watermark;
      if (fireTo > timersFiredTo) {
        timersFiredTo = fireTo;
        timers.advanceWatermark(new Watermark(fireTo)); // may hold earlier events: look again
        continue;
      }
      if (!due) {
        return;
      }
      List<Held<K>> events = byTimestamp.pollFirstEntry().getValue();
      events.sort((a, b) -> InputEvent.APPLY_ORDER.compare(a.event, b.event));
      size -= events.size();
      for (Held<K> held : events) {
        backend.setCurrentKey(held.key);
        if (held.slot >= 0) {
          written.remove(held.slot);
        }
        apply.apply(new StreamRecord<>(held.event, held.event.source.timestamp));
      }
    }
  }

  /** Writes the events no checkpoint has written yet to keyed state: call as a snapshot begins. */
  void writeForSnapshot() throws Exception {
    for (List<Held<K>> events : byTimestamp.values()) {
      for (Held<K> held : events) {
        if (held.slot < 0) {
          held.slot = ++lastSlot;
          backend.setCurrentKey(held.key);
          written.put(held.slot, held.event);
        }
      }
    }
  }
}
