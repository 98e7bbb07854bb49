package io.beliefnet.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;

/**
 * A keyed operator's events that wait for the watermark, held in memory: for a stage whose inputs
 * come from a stage that releases events only up to its own watermark, so that what waits is what
 * arrives between two watermarks. Holding and releasing an event reads and writes no state; an
 * event still waiting when a checkpoint is taken is written to keyed state then (under {@link
 * EventTimeBuffer}'s name, so a savepoint of either kind restores into the other's events), read
 * back when the operator is restored, whatever its parallelism, and deleted once released.
 */
final class WatermarkHold<K> {

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

  /**
   * Applies released events, each with its key set as the backend's current key, and runs a hook
   * before the first event of each timestamp.
   */
  interface Release {
    void beforeTimestamp(long timestamp) throws Exception;

    void apply(InputEvent event) throws Exception;
  }

  private final TreeMap<Long, List<Held<K>>> byTimestamp = new TreeMap<>();
  private final KeyedStateBackend<K> backend;
  private final MapState<Long, InputEvent> written;

  /** The last slot taken in keyed state: slots are unique in this subtask, across keys. */
  private long lastSlot;

  private int size;

  private WatermarkHold(KeyedStateBackend<K> backend) throws Exception {
    this.backend = backend;
    this.written =
        backend.getPartitionedState(
            VoidNamespace.INSTANCE,
            VoidNamespaceSerializer.INSTANCE,
            EventTimeBuffer.PENDING_EVENTS);
  }

  /**
   * The hold of an operator over {@code backend}, with the events a restored checkpoint had written
   * for this subtask's keys. Also drops the per-timestamp counts a keyed {@link EventTimeBuffer}
   * kept beside its events.
   */
  static <K> WatermarkHold<K> restore(KeyedStateBackend<K> backend) throws Exception {
    WatermarkHold<K> hold = new WatermarkHold<>(backend);
    MapState<Long, Integer> counts =
        backend.getPartitionedState(
            VoidNamespace.INSTANCE,
            VoidNamespaceSerializer.INSTANCE,
            EventTimeBuffer.PENDING_COUNTS);
    List<K> keys;
    try (Stream<K> written =
        backend.getKeys(EventTimeBuffer.PENDING_EVENTS.getName(), VoidNamespace.INSTANCE)) {
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
   * {@link InputEvent#APPLY_ORDER}, with the key set as the backend's current key.
   */
  void release(long watermark, Release release) throws Exception {
    while (!byTimestamp.isEmpty() && byTimestamp.firstKey() <= watermark) {
      Map.Entry<Long, List<Held<K>>> due = byTimestamp.pollFirstEntry();
      List<Held<K>> events = due.getValue();
      events.sort((a, b) -> InputEvent.APPLY_ORDER.compare(a.event, b.event));
      size -= events.size();
      release.beforeTimestamp(due.getKey());
      for (Held<K> held : events) {
        backend.setCurrentKey(held.key);
        if (held.slot >= 0) {
          written.remove(held.slot);
        }
        release.apply(held.event);
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
