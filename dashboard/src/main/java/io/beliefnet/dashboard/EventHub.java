package io.beliefnet.dashboard;

import io.beliefnet.dashboard.DashboardState.Snapshot;
import io.beliefnet.dashboard.PropositionTrack.History;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/**
 * Applies records to the dashboard's state and fans the resulting events out to the connected
 * pages. One lock covers both, so a page that connects gets a snapshot and then exactly the events
 * that came after it.
 */
final class EventHub {

  private final DashboardState state = new DashboardState();
  private final List<SseClient> clients = new ArrayList<>();

  synchronized void accept(SpecificRecord record) {
    for (DashboardEvent event : state.apply(record)) {
      String frame = SseClient.frame(event);
      clients.removeIf(client -> !client.offer(frame));
    }
  }

  /** A new page's stream, starting with a {@code snapshot} event. */
  synchronized SseClient connect() {
    SseClient client = new SseClient();
    client.offer(SseClient.frame(new DashboardEvent("snapshot", state.snapshot())));
    clients.add(client);
    return client;
  }

  synchronized void disconnect(SseClient client) {
    clients.remove(client);
  }

  synchronized Snapshot snapshot() {
    return state.snapshot();
  }

  synchronized Optional<History> history(String propositionId) {
    return state.history(propositionId);
  }
}
