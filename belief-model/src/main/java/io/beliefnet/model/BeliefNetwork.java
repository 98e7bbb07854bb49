package io.beliefnet.model;

import io.beliefnet.model.DomainUpdate.PublishedSettlement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * The whole belief network in memory, single-threaded: applies an ordered stream of agent
 * registrations, claims and outcomes, and answers for beliefs, reliabilities and ledgers. The
 * evaluation harness, the tests and parity checks of the streaming job all run through it.
 *
 * <p>It keeps the agents' profiles and one {@link DomainNetwork} per domain, each over its own
 * in-memory store: all learning happens within a domain, and each domain's network is the streaming
 * job's computation with its feedback arriving at once. Claims and outcomes get ids in the order
 * they are applied, and outcomes are named by their index.
 *
 * <p>Guarantees: the same events in the same order give bit-identical results. Memory: bytes per
 * agent-domain and per open claim as documented on the state classes; nothing is forgotten (a
 * streaming job forgets by {@link PropositionUpdater}'s retention), and any agent's claim may open
 * a proposition ({@link PropositionPolicy#OPEN_TO_ALL_KEPT_FOREVER}).
 */
public final class BeliefNetwork {
  private final ModelParameters parameters;
  private final Map<String, AgentProfile> agents = new HashMap<>();
  private final Map<String, PropositionRef> propositions = new HashMap<>();
  private final TreeMap<String, Domain> domains = new TreeMap<>();
  private long applied;

  /** The resolver every outcome is credited to: one, so corrections are accepted. */
  private static final String RESOLVER = "replay";

  /** A domain's network with the store it runs over. */
  private record Domain(DomainNetwork network, InMemoryDomainStore store) {}

  /** Which domain holds a proposition, so outcomes and look-ups by id find it. */
  private record PropositionRef(String domain) {}

  public BeliefNetwork(ModelParameters parameters) {
    this.parameters = parameters;
  }

  /** A network with {@link ModelParameters#defaults()}. */
  public BeliefNetwork() {
    this(ModelParameters.defaults());
  }

  /** Applies one event; returns the settlements it caused (an outcome's). */
  public List<Settlement> apply(NetworkEvent event) {
    if (event instanceof AgentProfile agent) {
      register(agent);
      return List.of();
    }
    if (event instanceof Claim claim) {
      claim(claim);
      return List.of();
    }
    return resolve((Outcome) event);
  }

  /** Registers or updates an agent; claims made from now on are stamped with this profile. */
  public void register(AgentProfile agent) {
    agents.put(agent.id(), agent);
  }

  /** Applies a claim: counts it, replaces the agent's older claim, or ignores it (see status). */
  public ClaimReceipt claim(Claim claim) {
    String domain = claim.proposition().domain();
    propositions.putIfAbsent(claim.proposition().id(), new PropositionRef(domain));
    ClaimInput input =
        new ClaimInput(
            "claim-" + applied++,
            outcomeNames(claim.proposition().outcomeCount()),
            claim,
            profile(claim.agentId()),
            claim.eventTime());
    DomainUpdate update = domain(domain).network().claim(input);
    if (update.refusal().isEmpty()) {
      return update.receipt();
    }
    return switch (update.refusal().get().reason()) {
      case SUPERSEDED -> ClaimReceipt.STALE;
      case CLOSED_PROPOSITION -> ClaimReceipt.LATE;
      default -> throw new IllegalArgumentException(update.refusal().get().message());
    };
  }

  /**
   * Resolves a proposition: scores and settles every counted claim, then learns from the outcome. A
   * second outcome for the same proposition is a correction. An outcome for a proposition nobody
   * claimed on (or that was forgotten) settles nothing.
   */
  public List<Settlement> resolve(Outcome outcome) {
    PropositionRef ref = propositions.get(outcome.propositionId());
    if (ref == null) {
      return List.of();
    }
    Domain domain = domain(ref.domain());
    PropositionState held = domain.store().proposition(outcome.propositionId()).orElse(null);
    if (held == null) {
      return List.of();
    }
    int outcomeCount = held.getOutcomeCount();
    if (outcome.outcome() >= outcomeCount) {
      throw new IllegalArgumentException(
          "outcome "
              + outcome.outcome()
              + " for proposition "
              + outcome.propositionId()
              + " is out of range: it has "
              + outcomeCount
              + " outcomes (0.."
              + (outcomeCount - 1)
              + ")");
    }
    DomainUpdate update =
        domain
            .network()
            .resolve(
                new OutcomeInput(
                    "outcome-" + applied++,
                    RESOLVER,
                    outcome.propositionId(),
                    ref.domain(),
                    String.valueOf(outcome.outcome()),
                    outcome.observedAt(),
                    outcome.observedAt()));
    return update.settlements().stream().map(PublishedSettlement::settlement).toList();
  }

  /** Outcome names "0" to "K-1": the network's outcomes are their indexes. */
  private static List<String> outcomeNames(int outcomeCount) {
    return IntStream.range(0, outcomeCount).mapToObj(String::valueOf).toList();
  }

  /**
   * Revokes the key {@code agentId} registered at {@code since}: its standing claims on open
   * propositions made since then stop counting, in every domain.
   */
  public void revoke(String agentId, long since) {
    for (Domain domain : domains.values()) {
      domain.network().withdraw(agentId, since);
    }
  }

  /** The current belief about a proposition, if any claim on it was seen . */
  public Optional<Belief> belief(String propositionId) {
    PropositionRef ref = propositions.get(propositionId);
    return ref == null ? Optional.empty() : domain(ref.domain()).network().belief(propositionId);
  }

  /** What is known about an agent in a domain, if it ever claimed there. */
  public Optional<Reliability> reliability(String agentId, String domainName) {
    Domain domain = domains.get(domainName);
    if (domain == null || domain.store().existingAgent(agentId).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(domain.network().reliability(agentId, profile(agentId)));
  }

  /** The agent's reputation ledger summed over its domains (empty if it never settled). */
  public ReputationLedger ledger(String agentId) {
    ReputationLedger total = new ReputationLedger();
    for (Domain domain : domains.values()) {
      domain.store().existingAgent(agentId).ifPresent(state -> total.add(state.getLedger()));
    }
    return total;
  }

  /** Number of propositions held (open and resolved, not forgotten). */
  public int propositionCount() {
    return domains.values().stream().mapToInt(d -> d.store().propositionCount()).sum();
  }

  /** Serialized bytes of all proposition state held now (claims included). */
  public long propositionStateBytes() {
    return domains.values().stream().mapToLong(d -> d.store().propositionStateBytes()).sum();
  }

  private AgentProfile profile(String agentId) {
    return agents.getOrDefault(agentId, AgentProfile.unregistered(agentId));
  }

  private Domain domain(String name) {
    return domains.computeIfAbsent(
        name,
        n -> {
          InMemoryDomainStore store = new InMemoryDomainStore();
          return new Domain(
              new DomainNetwork(n, parameters, store, PropositionPolicy.OPEN_TO_ALL_KEPT_FOREVER),
              store);
        });
  }
}
