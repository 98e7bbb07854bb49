package io.beliefnet.dashboard;

import io.beliefnet.avro.Claim;
import io.beliefnet.avro.EvidenceRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The evidence requests that stand: made by the job, not yet answered by a claim of the asked agent
 * on the proposition, not expired by the newest event time seen. At most {@link #MAX} are kept, the
 * oldest dropped first.
 */
final class OpenRequests {

  static final int MAX = 200;

  /** One standing request, as the page lists it. */
  record Open(
      String requestId,
      String agentId,
      String propositionId,
      String domain,
      double expectedLossReduction,
      long expiresAt) {}

  private final Map<String, Open> open = new LinkedHashMap<>();
  private long now = Long.MIN_VALUE;

  List<DashboardEvent> onRequest(EvidenceRequest request) {
    now = Math.max(now, request.getRequestedAt().toEpochMilli());
    open.remove(request.getRequestId());
    open.put(
        request.getRequestId(),
        new Open(
            request.getRequestId(),
            request.getAgentId(),
            request.getPropositionId(),
            request.getDomain(),
            request.getExpectedLossReduction(),
            request.getExpiresAt().toEpochMilli()));
    if (open.size() > MAX) {
      open.remove(open.keySet().iterator().next());
    }
    dropExpired();
    return List.of(event());
  }

  /** A claim answers the requests made of its agent about its proposition. */
  List<DashboardEvent> onClaim(Claim claim) {
    now = Math.max(now, claim.getEventTime().toEpochMilli());
    int before = open.size();
    open.values()
        .removeIf(
            request ->
                request.agentId().equals(claim.getAgentId())
                    && request.propositionId().equals(claim.getPropositionId())
                    && request.domain().equals(claim.getDomain()));
    dropExpired();
    return open.size() == before ? List.of() : List.of(event());
  }

  /** The standing requests, most recent first. */
  List<Open> list() {
    List<Open> newestFirst = new ArrayList<>(open.values());
    Collections.reverse(newestFirst);
    return newestFirst;
  }

  private void dropExpired() {
    for (Iterator<Open> requests = open.values().iterator(); requests.hasNext(); ) {
      if (requests.next().expiresAt() <= now) {
        requests.remove();
      }
    }
  }

  private DashboardEvent event() {
    return new DashboardEvent("requests", list());
  }
}
