package io.beliefnet.registry;

import io.beliefnet.avro.Claim;
import java.time.Instant;
import java.util.List;

/** Claims for tests. */
final class SampleClaims {

  private SampleClaims() {}

  static Claim claim(String claimId) {
    return Claim.newBuilder()
        .setClaimId(claimId)
        .setAgentId("agent-1")
        .setPropositionId("bridge-42-closed")
        .setDomain("traffic/uk")
        .setOutcomes(List.of("no", "yes"))
        .setProbabilities(List.of(0.25, 0.75))
        .setEventTime(Instant.ofEpochMilli(1_700_000_000_000L))
        .setEvidenceIds(List.of("camera-7"))
        .build();
  }
}
