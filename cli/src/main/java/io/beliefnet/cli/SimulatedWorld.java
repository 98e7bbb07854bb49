package io.beliefnet.cli;

import io.beliefnet.avro.EvidenceRequest;
import io.beliefnet.avro.IdentityTier;
import io.beliefnet.model.ProbabilityVectors;
import io.beliefnet.sdk.Agent;
import io.beliefnet.sdk.AgentRegistration;
import io.beliefnet.sdk.BeliefClient;
import io.beliefnet.sdk.ClaimRequest;
import io.beliefnet.sdk.EvidenceRequests;
import io.beliefnet.signing.AgentKey;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A seeded world of agents for the local stack. Each tick one proposition opens, in the domains in
 * turn; its hidden truth follows the domain's current state, which drifts now and then; it is
 * resolved a few ticks later. The agents:
 *
 * <ul>
 *   <li>specialists: verified, right 90% of the time in their own domain, 55% elsewhere, where they
 *       rarely speak;
 *   <li>generalists: verified, right 65% of the time everywhere;
 *   <li>copiers: verified, repeat the majority of the claims made so far;
 *   <li>a sybil ring: cheap unverified identities, each its own controller, that claim the same
 *       wrong outcome together;
 *   <li>a staked liar: unverified but staked, usually wrong;
 *   <li>a central model: attested and broad, claims on everything from a snapshot of the world
 *       taken at start, so it is right while the world still looks like the snapshot and drifts out
 *       of date.
 * </ul>
 *
 * <p>Agents publish through the agent SDK, so event time is the wall clock and the job sees a live
 * stream. Every agent signs with a key derived from the seed; outcomes come from the local stack's
 * resolver.
 */
final class SimulatedWorld implements AutoCloseable {

  private static final List<Domain> DOMAINS =
      List.of(
          new Domain("traffic/london", List.of("open", "closed")),
          new Domain("lab/qc", List.of("clean", "trace", "contaminated")),
          new Domain("weather/uk", List.of("dry", "rain")));

  /** Chance per tick that a domain's state moves on, making older knowledge stale. */
  private static final double DRIFT = 0.03;

  /** Chance that a proposition's truth is its domain's current state. */
  private static final double TYPICAL = 0.75;

  private enum Kind {
    SPECIALIST,
    GENERALIST,
    COPIER,
    SYBIL,
    STAKED_LIAR,
    CENTRAL_MODEL
  }

  private record Domain(String name, List<String> outcomes) {}

  private record Member(String id, Kind kind, int homeDomain, IdentityTier tier, double stake) {}

  /** A proposition the world opened and has not resolved yet, with the agents that claimed. */
  private record Opened(String id, int domain, int truth, Set<String> claimants) {}

  private final WorldSettings settings;
  private final SplittableRandom random;
  private final BeliefClient client;
  private final List<Member> agents = new ArrayList<>();
  private final Map<String, AgentKey> keys = new LinkedHashMap<>();
  private final Agent resolver;
  private final int[] state = new int[DOMAINS.size()];
  private final int[] snapshot;
  private final Deque<Opened> awaitingOutcome = new ArrayDeque<>();
  private final Map<String, Opened> unresolved = new HashMap<>();
  private final List<EvidenceRequests> requests = new ArrayList<>();
  private final Queue<EvidenceRequest> asked = new ConcurrentLinkedQueue<>();
  private int ticks;

  /** A world that publishes through {@code client}, which it closes when it is closed. */
  SimulatedWorld(BeliefClient client, WorldSettings settings) {
    this.settings = settings;
    this.random = new SplittableRandom(settings.seed());
    for (int d = 0; d < DOMAINS.size(); d++) {
      state[d] = random.nextInt(DOMAINS.get(d).outcomes().size());
    }
    snapshot = state.clone();
    this.client = client;
    resolver = client.agent(LocalStack.RESOLVER, LocalStack.resolverKey());
    populate();
  }

  /** Publishes every agent's identity, and has the specialists listen for evidence requests. */
  void registerAgents() {
    for (Member agent : agents) {
      String controller = agent.kind() == Kind.COPIER ? "copy-desk" : agent.id();
      client.issue(
          new AgentRegistration(agent.id(), controller, agent.tier(), agent.stake()),
          keys.get(agent.id()).publicKey(),
          LocalStack.authority());
      if (agent.kind() == Kind.SPECIALIST) {
        EvidenceRequests listening = client.subscribeRequests(agent.id());
        listening.onRequest(asked::add);
        requests.add(listening);
      }
    }
  }

  /**
   * One tick: the world may drift, a proposition opens and is claimed on, an older one resolves.
   */
  void tick() {
    answerRequests();
    for (int d = 0; d < DOMAINS.size(); d++) {
      if (random.nextDouble() < DRIFT) {
        state[d] = other(state[d], DOMAINS.get(d).outcomes().size());
      }
    }
    int d = ticks % DOMAINS.size();
    Domain domain = DOMAINS.get(d);
    int k = domain.outcomes().size();
    int truth = random.nextDouble() < TYPICAL ? state[d] : random.nextInt(k);
    Opened opened =
        new Opened(domain.name().replace('/', '-') + "-" + ticks, d, truth, new HashSet<>());
    claimOn(opened, other(truth, k));
    awaitingOutcome.addLast(opened);
    unresolved.put(opened.id(), opened);
    if (awaitingOutcome.size() > settings.ticksUntilResolved()) {
      Opened due = awaitingOutcome.removeFirst();
      unresolved.remove(due.id());
      resolve(due);
    }
    ticks++;
  }

  private void claimOn(Opened proposition, int lie) {
    int k = DOMAINS.get(proposition.domain()).outcomes().size();
    List<Integer> labels = new ArrayList<>();
    for (Member agent : agents) {
      int label =
          switch (agent.kind()) {
            case SPECIALIST ->
                agent.homeDomain() == proposition.domain()
                    ? noisy(proposition.truth(), 0.9, k, 0.95)
                    : noisy(proposition.truth(), 0.55, k, 0.15);
            case GENERALIST -> noisy(proposition.truth(), 0.65, k, 0.6);
            case COPIER -> labels.isEmpty() || random.nextDouble() > 0.7 ? -1 : majority(labels, k);
            case SYBIL -> random.nextDouble() < 0.5 ? lie : -1;
            case STAKED_LIAR -> random.nextDouble() < 0.8 ? lie : -1;
            case CENTRAL_MODEL -> snapshot[proposition.domain()];
          };
      if (label >= 0) {
        labels.add(label);
        claim(agent, proposition, label);
      }
    }
  }

  /**
   * {@code truth} with probability {@code accuracy}, else another outcome; -1 (silent) unless it
   * speaks.
   */
  private int noisy(int truth, double accuracy, int k, double speaks) {
    if (random.nextDouble() >= speaks) {
      return -1;
    }
    return random.nextDouble() < accuracy ? truth : other(truth, k);
  }

  /**
   * A specialist asked about a proposition it kept silent on answers as it would have: it is as
   * reliable as ever, it only had not spoken.
   */
  private void answerRequests() {
    for (EvidenceRequest request = asked.poll(); request != null; request = asked.poll()) {
      String agentId = request.getAgentId();
      Opened proposition = unresolved.get(request.getPropositionId());
      if (proposition == null || proposition.claimants().contains(agentId)) {
        continue; // resolved meanwhile, or answered already
      }
      Member specialist =
          agents.stream().filter(a -> a.id().equals(agentId)).findFirst().orElseThrow();
      int k = DOMAINS.get(proposition.domain()).outcomes().size();
      double accuracy = specialist.homeDomain() == proposition.domain() ? 0.9 : 0.55;
      claim(specialist, proposition, noisy(proposition.truth(), accuracy, k, 1));
    }
  }

  private void claim(Member agent, Opened proposition, int label) {
    proposition.claimants().add(agent.id());
    Domain domain = DOMAINS.get(proposition.domain());
    client
        .agent(agent.id(), keys.get(agent.id()))
        .claimAsync(
            ClaimRequest.on(proposition.id(), domain.name())
                .claimId(agent.id() + "/" + proposition.id())
                .outcomes(domain.outcomes())
                .label(domain.outcomes().get(label)));
  }

  private void resolve(Opened proposition) {
    Domain domain = DOMAINS.get(proposition.domain());
    resolver.resolve(proposition.id(), domain.name(), domain.outcomes().get(proposition.truth()));
  }

  private void populate() {
    for (int d = 0; d < DOMAINS.size(); d++) {
      for (int s = 0; s < 2; s++) {
        add(
            new Member(
                "specialist-" + DOMAINS.get(d).name().replace('/', '-') + "-" + s,
                Kind.SPECIALIST,
                d,
                IdentityTier.VERIFIED,
                0));
      }
    }
    for (int g = 0; g < 4; g++) {
      add(new Member("generalist-" + g, Kind.GENERALIST, -1, IdentityTier.VERIFIED, 0));
    }
    add(new Member("central-model", Kind.CENTRAL_MODEL, -1, IdentityTier.ATTESTED, 0));
    add(new Member("staked-liar", Kind.STAKED_LIAR, -1, IdentityTier.UNVERIFIED, 10));
    for (int c = 0; c < settings.copiers(); c++) {
      add(new Member("copier-" + c, Kind.COPIER, -1, IdentityTier.VERIFIED, 0));
    }
    for (int s = 0; s < settings.sybils(); s++) {
      add(new Member("sybil-" + s, Kind.SYBIL, -1, IdentityTier.UNVERIFIED, 0));
    }
  }

  private void add(Member agent) {
    agents.add(agent);
    keys.put(agent.id(), AgentKey.fromSeed(settings.seed() * 31 + agent.id().hashCode()));
  }

  private int other(int label, int k) {
    return (label + 1 + random.nextInt(k - 1)) % k;
  }

  /** The most frequent of {@code labels}, ties to the lowest. */
  private static int majority(List<Integer> labels, int k) {
    double[] counts = new double[k];
    labels.forEach(label -> counts[label]++);
    return ProbabilityVectors.argmax(counts);
  }

  @Override
  public void close() {
    requests.forEach(EvidenceRequests::close);
    client.close();
  }
}
