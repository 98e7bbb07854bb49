package io.beliefnet.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.beliefnet.avro.Claim;
import io.beliefnet.avro.EvidenceRequest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenRequestsTest {

  private final OpenRequests requests = new OpenRequests();

  private static EvidenceRequest request(String agent, String proposition, long at) {
    return EvidenceRequest.newBuilder()
        .setRequestId("d|" + proposition + "|" + agent + "|1")
        .setAgentId(agent)
        .setPropositionId(proposition)
        .setDomain("d")
        .setOutcomes(List.of("no", "yes"))
        .setProbabilities(List.of(0.5, 0.5))
        .setBeliefVersion(1)
        .setExpectedLossReduction(0.3)
        .setRequestedAt(Instant.ofEpochMilli(at))
        .setExpiresAt(Instant.ofEpochMilli(at + 1_000))
        .build();
  }

  private static Claim claim(String agent, String proposition, long at) {
    return Claim.newBuilder()
        .setClaimId(agent + proposition)
        .setAgentId(agent)
        .setPropositionId(proposition)
        .setDomain("d")
        .setOutcomes(List.of("no", "yes"))
        .setProbabilities(List.of(0.2, 0.8))
        .setEventTime(Instant.ofEpochMilli(at))
        .build();
  }

  @Test
  void aRequestStandsUntilItsAgentClaimsOrItExpires() {
    requests.onRequest(request("alice", "bridge", 0));
    requests.onRequest(request("bob", "bridge", 10));
    requests.onRequest(request("carol", "ferry", 20));

    assertThat(requests.onClaim(claim("dave", "bridge", 30))).as("nobody asked dave").isEmpty();
    assertThat(requests.onClaim(claim("alice", "bridge", 40)))
        .singleElement()
        .satisfies(event -> assertThat(event.name()).isEqualTo("requests"));
    assertThat(requests.list())
        .extracting(OpenRequests.Open::agentId)
        .containsExactly("carol", "bob");

    requests.onClaim(claim("erin", "tunnel", 1_015));

    assertThat(requests.list()).extracting(OpenRequests.Open::agentId).containsExactly("carol");
  }
}
