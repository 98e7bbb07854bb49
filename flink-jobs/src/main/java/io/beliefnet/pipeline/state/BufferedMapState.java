package io.beliefnet.pipeline.state;

import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.state.MapState;

/**
 * A {@link MapState} as one event sees it: reads are remembered, writes and removals wait in memory
 * until {@link #flush()}, and {@link #discard()} forgets both, so that an event the model refused
 * halfway leaves the state as it was. Only entries written are written back.
 */
final class BufferedMapState<K, V> {
  private final MapState<K, V> state;
  private final Map<K, V> read = new HashMap<>();

  /** Entries written during the event; a null value is a removal. */
  private final Map<K, V> written = new HashMap<>();

  BufferedMapState(MapState<K, V> state) {
    this.state = state;
  }

  V get(K key) {
    if (written.containsKey(key)) {
      return written.get(key);
    }
    if (read.containsKey(key)) {
      return read.get(key);
    }
    try {
      V value = state.get(key);
      read.put(key, value);
      return value;
    } catch (Exception e) {
      throw new IllegalStateException("cannot read key " + key + " of " + state, e);
    }
  }

  void put(K key, V value) {
    written.put(key, value);
  }

  void remove(K key) {
    written.put(key, null);
  }

  void flush() {
    try {
      for (Map.Entry<K, V> entry : written.entrySet()) {
        if (entry.getValue() == null) {
          state.remove(entry.getKey());
        } else {
          state.put(entry.getKey(), entry.getValue());
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot write " + state, e);
    }
    discard();
  }

  void discard() {
    read.clear();
    written.clear();
  }
}
