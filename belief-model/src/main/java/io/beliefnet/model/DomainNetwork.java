package io.beliefnet.model;

import io.beliefnet.model.ClaimantModel.Restamp;
import io.beliefnet.model.ModelFeedback.AgentFeedback;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The belief network of one domain in one place, for replays: applies claims, outcomes and
 * revocations in the order given and says what to publish, as the streaming job does, through the
 * same three sides the job keeps under three kinds of key:
 *
 * <ul>
 *   <li>per proposition, a {@link PropositionUpdater}: its stamped claims, belief, scoring and
 *       publishing;
 *   <li>per agent, a {@link ClaimantModel}: a claim is stamped with the agent's reliability when it
 *       arrives ({@link ClaimantStamp}), and after each feedback to the agent (see {@link
 *       ClaimantModel#apply}) the next {@link ModelParameters#refreshesPerChange()} of its open
 *       claims, round-robin, are stamped again if the stamp moved by more than {@link
 *       ModelParameters#restampTolerance()};
 *   <li>per domain, a {@link DomainState}: base rate, population calibration, pooling and the
 *       weight its forecasters leave to the base rate.
 * </ul>
 *
 * <p>What a proposition teaches its claimants and the domain comes back as a {@link ModelFeedback}.
 * Here every feedback is applied, and every re-stamp it causes carried out, before the next event,
 * in the order it was made: the job with feedback that arrives at once. The same events in the same
 * order give the same bits. After {@link #holdFeedback()} it is the job with feedback that lags:
 * what is taught waits until {@link #deliverHeldFeedback()}, as the job's waits for a checkpoint.
 * The loop has at most two turns: a re-stamp moves a belief but credits the consensus only with
 * what outcomes taught (see {@link PropositionModel#restamp}), so an event costs one proposition's
 * claims, {@code refreshesPerChange} re-stamps per claimant, and after an outcome those re-stamps'
 * own claimants' re-stamps.
 */
public final class DomainNetwork {
  private final String name;
  private final DomainStore store;
  private final ClaimantModel claimants;
  private final PropositionUpdater propositions;
  private final Map<String, AgentProfile> profiles = new HashMap<>();

  /** What was taught and not yet applied, while feedback is held; null while it arrives at once. */
  private ModelFeedback held;

  /**
   * The network of domain {@code name} over {@code store}, opening and keeping as {@code policy}.
   */
  public DomainNetwork(
      String name, ModelParameters parameters, DomainStore store, PropositionPolicy policy) {
    this.name = name;
    this.store = store;
    this.claimants = new ClaimantModel(parameters);
    this.propositions = new PropositionUpdater(parameters, policy);
  }

  /** A network over state in memory. */
  public static DomainNetwork inMemory(
      String name, ModelParameters parameters, PropositionPolicy policy) {
    return new DomainNetwork(name, parameters, new InMemoryDomainStore(), policy);
  }

  /**
   * Applies a claim: weighed by its agent's side, counted by its proposition, then learned from.
   */
  public DomainUpdate claim(ClaimInput input) {
    String agentId = input.claim().agentId();
    profiles.put(agentId, input.agent());
    ClaimState weighed =
        claimants.weigh(
            input.claim(),
            input.agent(),
            store.agent(agentId),
            store.openClaims(agentId),
            store.domain());
    ModelFeedback feedback = collector();
    DomainUpdate update = propositions.claim(input, weighed, store, store.domain(), feedback);
    return update.refusal().isPresent() ? update : update.then(learn(feedback));
  }

  /**
   * Applies an outcome: scores and settles every counted claim, then learns from it. A second
   * outcome for the same proposition is a correction: what the first credited is taken back.
   */
  public DomainUpdate resolve(OutcomeInput input) {
    ModelFeedback feedback = collector();
    DomainUpdate update = propositions.resolve(input, store, store.domain(), feedback);
    return update.refusal().isPresent() ? update : update.then(learn(feedback));
  }

  /**
   * Withdraws the claims {@code agentId} made at or after {@code since} on open propositions, as
   * when the key that signed them is revoked, and publishes the beliefs that moved. Reads each of
   * the agent's open claims once, so it is for rare events.
   */
  public DomainUpdate withdraw(String agentId, long since) {
    ModelFeedback feedback = collector();
    DomainUpdate update = DomainUpdate.NOTHING;
    for (String id : claimants.openPropositions(store.openClaims(agentId))) {
      update =
          update.then(propositions.withdraw(agentId, id, since, store, store.domain(), feedback));
    }
    return update.then(learn(feedback));
  }

  /** Forgets a proposition whose expiry has come; see {@link PropositionUpdater#expire}. */
  public DomainUpdate expire(String propositionId, long now) {
    return propositions.expire(propositionId, now, store);
  }

  /** The current belief about a proposition, if any claim on it was seen and it is held. */
  public Optional<Belief> belief(String propositionId) {
    return propositions.belief(propositionId, store, store.domain());
  }

  /** What is learned about an agent in this domain; the prior if it never claimed here. */
  public Reliability reliability(String agentId, AgentProfile profile) {
    return claimants.reliability(agentId, name, profile, store.agent(agentId), store.domain());
  }

  /**
   * From now on, what propositions teach is held until {@link #deliverHeldFeedback()}: the job,
   * whose feedback comes back through Kafka a checkpoint after the events that taught it.
   */
  public void holdFeedback() {
    if (held == null) {
      held = new ModelFeedback();
    }
  }

  /**
   * Applies what was held, as the job's claimant and domain stages apply one checkpoint's feedback;
   * what that causes (the re-stamps' own feedback) is held in turn, for the next delivery.
   */
  public DomainUpdate deliverHeldFeedback() {
    ModelFeedback arriving = held;
    held = new ModelFeedback();
    return apply(arriving, held);
  }

  /** True while feedback is held and some has not been delivered. */
  public boolean holdsFeedback() {
    return held != null && !held.isEmpty();
  }

  private ModelFeedback collector() {
    return held != null ? held : new ModelFeedback();
  }

  /**
   * Applies what propositions taught, and what it causes, oldest first; nothing while feedback is
   * held: it waits in {@code held} for its delivery.
   */
  private DomainUpdate learn(ModelFeedback first) {
    if (held != null) {
      return DomainUpdate.NOTHING;
    }
    DomainUpdate update = DomainUpdate.NOTHING;
    ArrayDeque<ModelFeedback> queue = new ArrayDeque<>();
    queue.add(first);
    while (!queue.isEmpty()) {
      ModelFeedback caused = new ModelFeedback();
      update = update.then(apply(queue.poll(), caused));
      if (!caused.isEmpty()) {
        queue.add(caused);
      }
    }
    return update;
  }

  /**
   * One turn of the loop: the domain's delta, then each agent's, with the re-stamps it sends to
   * propositions, whose feedback goes to {@code caused}.
   */
  private DomainUpdate apply(ModelFeedback feedback, ModelFeedback caused) {
    DomainUpdate update = DomainUpdate.NOTHING;
    store.domain().add(feedback.domain());
    for (String agentId : feedback.agentIds()) {
      AgentFeedback told = feedback.of(agentId);
      AgentDomainState agent = store.agent(agentId);
      OpenClaimSlots openClaims = store.openClaims(agentId);
      boolean learned = claimants.apply(told, agent, openClaims);
      for (Restamp restamp :
          claimants.restamp(agent, openClaims, store.domain(), told.learnedFromOutcomes())) {
        update = update.then(propositions.restamp(agentId, restamp, store, store.domain(), caused));
      }
      if (learned) {
        update = update.then(learned(reliability(agentId, profiles.get(agentId))));
      }
    }
    return update;
  }

  private static DomainUpdate learned(Reliability reliability) {
    return new DomainUpdate(
        Optional.empty(), null, List.of(), List.of(), List.of(reliability), Map.of(), 0);
  }
}
