package io.beliefnet.model.bench;

import io.beliefnet.model.AgentProfile;
import io.beliefnet.model.BeliefNetwork;
import io.beliefnet.model.Claim;
import io.beliefnet.model.IdentityTier;
import io.beliefnet.model.Outcome;
import io.beliefnet.model.PropositionSpec;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Cost of one claim update and one outcome settlement on a warm network in a steady state: 100
 * agents, 1,000 open binary propositions with 10 claimants each, and 1,000 resolved ones with 10
 * claims each. A claim is one of an open proposition's claimants revising its claim (with the
 * background refreshes), so every proposition keeps 10 claims however long the run; a settlement is
 * an outcome for a resolved proposition with the other answer, so each call takes back and
 * re-settles 10 claims. Run with {@link BeliefBenchmarkRunner}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BeliefBenchmarks {
  private static final int AGENTS = 100;
  private static final int PROPOSITIONS = 1_000;
  private static final int CLAIMS_PER_PROPOSITION = 10;

  private BeliefNetwork network;
  private Random random;
  private long time;
  private int nextResolved;

  @Setup(Level.Iteration)
  public void buildNetwork() {
    network = new BeliefNetwork();
    random = new Random(42);
    for (int a = 0; a < AGENTS; a++) {
      network.register(new AgentProfile("agent-" + a, "org-" + a, IdentityTier.VERIFIED, 0));
    }
    for (int p = 0; p < PROPOSITIONS; p++) {
      addClaims("open-" + p, p);
      addClaims("resolved-" + p, p);
      network.resolve(new Outcome("resolved-" + p, random.nextInt(2), time));
    }
    nextResolved = 0;
  }

  private void addClaims(String id, int proposition) {
    PropositionSpec spec = PropositionSpec.of(id, "bench", 2);
    for (int c = 0; c < CLAIMS_PER_PROPOSITION; c++) {
      network.claim(Claim.label(spec, claimant(proposition, c), time++, random.nextInt(2)));
    }
  }

  /** The {@code c}-th of a proposition's 10 distinct claimants. */
  private static String claimant(int proposition, int c) {
    return "agent-" + (proposition + c * (AGENTS / CLAIMS_PER_PROPOSITION)) % AGENTS;
  }

  @Benchmark
  public void claimUpdate(Blackhole sink) {
    int p = random.nextInt(PROPOSITIONS);
    PropositionSpec spec = PropositionSpec.of("open-" + p, "bench", 2);
    String agent = claimant(p, random.nextInt(CLAIMS_PER_PROPOSITION));
    sink.consume(network.claim(Claim.label(spec, agent, time++, random.nextInt(2))));
  }

  @Benchmark
  public void outcomeSettlement(Blackhole sink) {
    int p = nextResolved++ % PROPOSITIONS;
    sink.consume(
        network.resolve(new Outcome("resolved-" + p, (nextResolved / PROPOSITIONS) % 2, time)));
  }
}
