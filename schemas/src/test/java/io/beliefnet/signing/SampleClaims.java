package io.beliefnet.signing;

import io.beliefnet.avro.Claim;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/** Unsigned claims of one sensor about successive bridges, for signing tests and benchmarks. */
public final class SampleClaims {

  private SampleClaims() {}

  /** Claim {@code i}: about bridge i, made at 1,000 + i ms. */
  public static Claim claim(int i) {
    return Claim.newBuilder()
        .setClaimId("claim-" + i)
        .setAgentId("sensor-a")
        .setPropositionId("bridge-" + i)
        .setDomain("traffic/london")
        .setOutcomes(List.of("open", "closed"))
        .setProbabilities(List.of(0.2, 0.8))
        .setEventTime(Instant.ofEpochMilli(1_000 + i))
        .setEvidenceIds(List.of("camera-" + i))
        .build();
  }

  /** Claims 0 to n - 1. */
  public static List<Claim> claims(int n) {
    return IntStream.range(0, n).mapToObj(SampleClaims::claim).toList();
  }
}
