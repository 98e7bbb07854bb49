package io.beliefnet.cli;

import io.beliefnet.avro.Claim;
import io.beliefnet.model.AgentProfile;
import io.beliefnet.model.BeliefNetwork;
import io.beliefnet.model.IdentityTier;
import io.beliefnet.model.PropositionSpec;
import io.beliefnet.signing.AgentKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The claims of one benchmark scenario: hard labels on binary propositions by registered agents,
 * signed before the clock starts so that signing does not limit what is measured. Claim i is made
 * by agent i mod agents at {@code base + i / perMillisecond} on proposition (7919 i) mod
 * propositions, so an output's proposition and event time name the claim that caused it.
 *
 * @param domains how many domains the propositions are spread over; 1 puts every claim in one
 * @param batched whether each agent signs all its claims of the scenario as one batch
 * @param perMillisecond claims per millisecond of event time: for a backlog, {@link #BACKLOG}; for
 *     a paced producer, its rate, so that each claim is stamped when it is due to be sent
 */
record BenchWorkload(
    String name,
    int claims,
    int agents,
    int propositions,
    int domains,
    boolean batched,
    double perMillisecond) {

  /**
   * A backlog's density: fifty claims share each millisecond, none of one agent or proposition.
   * Event time cannot run ahead of the wall clock, so this bounds what a backlog can measure:
   * 50,000 claims/s.
   */
  static final double BACKLOG = 50;

  /** The agent that sends {@link #keepAlive} claims. */
  static final String KEEPER = "keeper";

  /** The proposition of claim {@code i}. */
  String proposition(int i) {
    return name + "/p" + (i * 7919L) % propositions;
  }

  String domain(int i) {
    return "bench/" + name + "/" + ((i * 7919L) % propositions) % domains;
  }

  static String agent(int a) {
    return "agent-" + a;
  }

  /** Event time of claim {@code i}, from {@code base}. */
  long eventTime(long base, int i) {
    return base + (long) (i / perMillisecond);
  }

  /** The claims, signed with {@code keys}, one signature per agent if batched. */
  List<Claim> signed(long base, List<AgentKey> keys) {
    List<Claim> unsigned = IntStream.range(0, claims).mapToObj(i -> claim(base, i)).toList();
    if (!batched) {
      return unsigned.parallelStream()
          .map(c -> keys.get(agentOf(c)).sign(LocalStack.NETWORK, c))
          .toList();
    }
    List<List<Claim>> byAgent = new ArrayList<>();
    for (int a = 0; a < agents; a++) {
      byAgent.add(new ArrayList<>());
    }
    unsigned.forEach(c -> byAgent.get(agentOf(c)).add(c));
    IntStream.range(0, agents)
        .parallel()
        .filter(a -> !byAgent.get(a).isEmpty())
        .forEach(a -> keys.get(a).signBatch(LocalStack.NETWORK, byAgent.get(a)));
    return unsigned;
  }

  /**
   * Mean bytes of state per proposition once every claim is applied, replayed through the model as
   * the job keeps it ({@link BeliefNetwork#propositionStateBytes()}).
   */
  double stateBytesPerProposition() {
    BeliefNetwork network = new BeliefNetwork();
    for (int a = 0; a < agents; a++) {
      network.register(new AgentProfile(agent(a), "controller-" + a, IdentityTier.VERIFIED, 0));
    }
    for (int i = 0; i < claims; i++) {
      PropositionSpec spec = PropositionSpec.of(proposition(i), domain(i), 2);
      network.claim(
          io.beliefnet.model.Claim.label(spec, agent(i % agents), eventTime(0, i), label(i)));
    }
    return (double) network.propositionStateBytes() / network.propositionCount();
  }

  private Claim claim(long base, int i) {
    return label(
        name + "-c" + i,
        agent(i % agents),
        proposition(i),
        domain(i),
        label(i),
        eventTime(base, i));
  }

  /**
   * The claim that keeps claims partition {@code partition} live while a scenario waits for its
   * beliefs: the {@code sequence}th of the keeper's, stamped {@code at}, on a proposition of its
   * own.
   */
  static Claim keepAlive(int partition, long sequence, long at) {
    return label(
        "keep-alive-" + sequence, KEEPER, "keep-alive/p" + partition, "bench/keep-alive", 1, at);
  }

  private static Claim label(
      String claimId, String agent, String proposition, String domain, int label, long at) {
    return Claim.newBuilder()
        .setClaimId(claimId)
        .setAgentId(agent)
        .setPropositionId(proposition)
        .setDomain(domain)
        .setOutcomes(List.of("no", "yes"))
        .setProbabilities(label == 0 ? List.of(1.0, 0.0) : List.of(0.0, 1.0))
        .setHardLabel(true)
        .setEventTime(Instant.ofEpochMilli(at))
        .build();
  }

  /** Two in three claims say yes. */
  private static int label(int i) {
    return i % 3 == 0 ? 0 : 1;
  }

  private static int agentOf(Claim claim) {
    return Integer.parseInt(claim.getAgentId().substring("agent-".length()));
  }
}
