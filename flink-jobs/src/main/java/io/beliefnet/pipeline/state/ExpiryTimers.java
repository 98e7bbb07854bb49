package io.beliefnet.pipeline.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimerService;

/**
 * Event-time timers at which propositions are looked at for expiry: one timer per time, with the
 * ids due then kept in keyed state.
 */
public final class ExpiryTimers {
  private static final MapStateDescriptor<Long, List<String>> EXPIRY =
      new MapStateDescriptor<>("expiry", Types.LONG, Types.LIST(Types.STRING));

  private final MapState<Long, List<String>> due;

  public ExpiryTimers(RuntimeContext context) {
    due = context.getMapState(EXPIRY);
  }

  /** Looks at each proposition again at the time given for it. */
  public void schedule(Map<String, Long> expiries, TimerService timers) throws Exception {
    for (Map.Entry<String, Long> expiry : expiries.entrySet()) {
      List<String> ids = due.get(expiry.getValue());
      if (ids == null) {
        ids = new ArrayList<>();
        timers.registerEventTimeTimer(expiry.getValue());
      }
      ids.add(expiry.getKey());
      due.put(expiry.getValue(), ids);
    }
  }

  /** Takes the ids due at {@code timestamp}; none if the timer was not one of these. */
  public List<String> take(long timestamp) throws Exception {
    List<String> ids = due.get(timestamp);
    if (ids == null) {
      return List.of();
    }
    due.remove(timestamp);
    return ids;
  }
}
