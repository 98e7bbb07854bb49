package io.beliefnet.pipeline;

import io.beliefnet.avro.AgentReliability;
import io.beliefnet.avro.Belief;
import io.beliefnet.avro.RejectionReason;
import io.beliefnet.avro.Settlement;
import io.beliefnet.model.AgentProfile;
import io.beliefnet.model.ClaimReceipt;
import io.beliefnet.model.DomainNetwork;
import io.beliefnet.model.ModelParameters;
import io.beliefnet.model.Outcome;
import io.beliefnet.pipeline.state.KeyedDomainStore;
import io.beliefnet.pipeline.state.PropositionMeta;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Keyed by domain: runs the belief model's {@link DomainNetwork} over keyed state. Applies stamped
 * claims and outcomes in event-time order and emits the beliefs they change, the reliabilities of
 * the agents they concern, and settlements; rejects duplicates, superseded and closed-proposition
 * claims, and outcomes for unknown propositions or labels. A revocation withdraws the revoked key's
 * claims from the domain's open propositions (reading each once) and emits the beliefs that moved.
 *
 * <p>Fan-out of a reliability change: each change to an agent re-stamps at most {@link
 * ModelParameters#refreshesPerChange()} of its open claims (see {@link DomainNetwork}), and an
 * event emits the belief it touched plus the re-stamped ones that moved by at least {@link
 * #REFRESH_EMIT_THRESHOLD}.
 *
 * <p>Resolved propositions are kept for {@code resolvedRetention} of event time after their outcome
 * (so corrections can re-score them), open ones for {@code openRetention} after their latest claim;
 * then they are dropped. Each proposition has one pending expiry at a time: a claim only moves
 * {@link PropositionMeta#expiresAt}, and the expiry, when it comes, looks again.
 */
public final class DomainBeliefStage extends EventTimeOrderedFunction<String, Belief>
    implements CheckpointedFunction {

  private static final long serialVersionUID = 1L;

  public static final OutputTag<AgentReliability> RELIABILITIES =
      new OutputTag<>("agent-reliability") {};
  public static final OutputTag<Settlement> SETTLEMENTS = new OutputTag<>("settlements") {};

  /** Smallest move of a refreshed belief that is worth a record on the beliefs topic. */
  static final double REFRESH_EMIT_THRESHOLD = 1e-3;

  private static final MapStateDescriptor<String, PropositionMeta> META =
      new MapStateDescriptor<>(
          "proposition-meta", Types.STRING, TypeInformation.of(PropositionMeta.class));

  /** Outcome ids are kept with this prefix, apart from claim ids. */
  private static final String OUTCOME_ID = "outcome:";

  /** Event time at which resolved propositions are dropped, to their ids. */
  private static final MapStateDescriptor<Long, List<String>> EXPIRY =
      new MapStateDescriptor<>("expiry", Types.LONG, Types.LIST(Types.STRING));

  /** This subtask's share of the open propositions; shares are summed again when rescaled. */
  private static final ListStateDescriptor<Long> OPEN_PROPOSITIONS =
      new ListStateDescriptor<>("open-propositions", Types.LONG);

  private final ModelParameters parameters;
  private final long resolvedRetentionMillis;
  private final long openRetentionMillis;
  private transient ListState<Long> openPropositionsState;
  private transient long openPropositions;

  private transient KeyedDomainStore store;
  private transient MapState<String, PropositionMeta> meta;
  private transient MapState<Long, List<String>> expiry;
  private transient Counter claimsApplied;
  private transient Counter outcomesApplied;
  private transient Counter beliefsEmitted;

  /** Wall-clock time minus the event time of the latest belief emitted, in milliseconds. */
  private transient volatile long beliefUpdateLagMillis;

  public DomainBeliefStage(
      ModelParameters parameters, Duration resolvedRetention, Duration openRetention) {
    this.parameters = parameters;
    this.resolvedRetentionMillis = resolvedRetention.toMillis();
    this.openRetentionMillis = openRetention.toMillis();
  }

  @Override
  public void open(OpenContext openContext) throws Exception {
    super.open(openContext);
    store = new KeyedDomainStore(getRuntimeContext());
    meta = getRuntimeContext().getMapState(META);
    expiry = getRuntimeContext().getMapState(EXPIRY);
    claimsApplied = getRuntimeContext().getMetricGroup().counter("claims_applied");
    outcomesApplied = getRuntimeContext().getMetricGroup().counter("outcomes_applied");
    beliefsEmitted = getRuntimeContext().getMetricGroup().counter("beliefs_emitted");
    getRuntimeContext()
        .getMetricGroup()
        .gauge("open_propositions", (Gauge<Long>) () -> openPropositions);
    getRuntimeContext()
        .getMetricGroup()
        .gauge("belief_update_lag_ms", (Gauge<Long>) () -> beliefUpdateLagMillis);
  }

  @Override
  protected void apply(InputEvent event, Context context, Collector<Belief> out) throws Exception {
    DomainNetwork network = new DomainNetwork(context.getCurrentKey(), parameters, store);
    if (event.isRevocation()) {
      network.withdrawClaims(
          event.agent.getAgentId(), event.agent.getRegisteredAt().toEpochMilli());
      emitBeliefs(null, network, event.source.timestamp, out);
      store.flush();
      return;
    }
    String propositionId =
        event.isClaim() ? event.claim.getPropositionId() : event.outcome.getPropositionId();
    PropositionMeta proposition = meta.get(propositionId);
    boolean applied =
        event.isClaim()
            ? applyClaim(event, proposition, network, context)
            : applyOutcome(event, proposition, network, context);
    if (applied) {
      emitBeliefs(propositionId, network, event.source.timestamp, out);
    }
    store.flush();
  }

  private boolean applyClaim(
      InputEvent event, PropositionMeta proposition, DomainNetwork network, Context context)
      throws Exception {
    io.beliefnet.avro.Claim claim = event.claim;
    if (proposition != null && !proposition.outcomes.equals(claim.getOutcomes())) {
      return rejected(
          event,
          context,
          RejectionReason.INVALID_RECORD,
          "claim "
              + claim.getClaimId()
              + " lists outcomes "
              + claim.getOutcomes()
              + " but proposition "
              + claim.getPropositionId()
              + " has "
              + proposition.outcomes
              + ": use the proposition's outcomes in their original order");
    }
    if (proposition != null && proposition.appliedIds.containsKey(claim.getClaimId())) {
      return rejected(
          event,
          context,
          RejectionReason.DUPLICATE,
          "claim " + claim.getClaimId() + " was applied already; give every claim a new id");
    }
    AgentProfile agent = ModelInputs.profile(event.agent);
    ClaimReceipt receipt;
    try {
      receipt = network.claim(ModelInputs.claim(claim), agent);
    } catch (IllegalArgumentException describesItDifferently) {
      store.discard(); // all or nothing: what the model changed before refusing is not kept
      return rejected(
          event, context, RejectionReason.INVALID_RECORD, describesItDifferently.getMessage());
    }
    if (receipt.status() == ClaimReceipt.Status.STALE) {
      return rejected(
          event,
          context,
          RejectionReason.SUPERSEDED,
          "claim "
              + claim.getClaimId()
              + " is older than the claim agent "
              + claim.getAgentId()
              + " already has on "
              + claim.getPropositionId()
              + ": only the newest claim counts");
    }
    if (receipt.status() == ClaimReceipt.Status.LATE) {
      return rejected(
          event,
          context,
          RejectionReason.CLOSED_PROPOSITION,
          "claim "
              + claim.getClaimId()
              + " reached proposition "
              + claim.getPropositionId()
              + " after its outcome (claims are applied in the order of their Kafka timestamps):"
              + " it carries no weight and earns nothing; publish claims before the outcome");
    }
    PropositionMeta updated =
        proposition == null ? PropositionMeta.of(claim.getOutcomes()) : proposition;
    updated.expiresAt = Math.max(updated.expiresAt, event.source.timestamp + openRetentionMillis);
    if (proposition == null) {
      openPropositions++;
      scheduleExpiry(claim.getPropositionId(), updated.expiresAt, context);
    }
    updated.appliedIds.put(claim.getClaimId(), true);
    updated.claimIdByAgent.put(claim.getAgentId(), claim.getClaimId());
    meta.put(claim.getPropositionId(), updated);
    context.output(
        RELIABILITIES,
        ModelOutputs.reliability(
            network.reliability(claim.getAgentId(), agent), event.source.timestamp));
    claimsApplied.inc();
    return true;
  }

  private boolean applyOutcome(
      InputEvent event, PropositionMeta proposition, DomainNetwork network, Context context)
      throws Exception {
    io.beliefnet.avro.Outcome outcome = event.outcome;
    if (proposition == null) {
      return rejected(
          event,
          context,
          RejectionReason.UNKNOWN_PROPOSITION,
          "outcome "
              + outcome.getOutcomeId()
              + " resolves "
              + outcome.getPropositionId()
              + ", which has no claims in domain "
              + outcome.getDomain()
              + " (or was resolved longer ago than the retention): check the id and domain");
    }
    if (proposition.appliedIds.containsKey(OUTCOME_ID + outcome.getOutcomeId())) {
      return rejected(
          event,
          context,
          RejectionReason.DUPLICATE,
          "outcome " + outcome.getOutcomeId() + " was applied already");
    }
    if (isResolved(proposition) && !outcome.getResolverId().equals(proposition.resolverId)) {
      return rejected(
          event,
          context,
          RejectionReason.UNTRUSTED_RESOLVER,
          "outcome "
              + outcome.getOutcomeId()
              + " by resolver '"
              + outcome.getResolverId()
              + "' would correct proposition "
              + outcome.getPropositionId()
              + ", which resolver '"
              + proposition.resolverId
              + "' resolved: only that resolver may correct it");
    }
    int index = proposition.outcomes.indexOf(outcome.getOutcome());
    if (index < 0) {
      return rejected(
          event,
          context,
          RejectionReason.UNKNOWN_OUTCOME,
          "outcome "
              + outcome.getOutcomeId()
              + " says '"
              + outcome.getOutcome()
              + "', not one of "
              + proposition.outcomes
              + " of proposition "
              + outcome.getPropositionId());
    }
    long observedAt = outcome.getObservedAt().toEpochMilli();
    boolean correction = isResolved(proposition);
    if (!correction) {
      openPropositions--;
    }
    List<io.beliefnet.model.Settlement> settlements =
        network.resolve(new Outcome(outcome.getPropositionId(), index, observedAt));
    proposition.appliedIds.put(OUTCOME_ID + outcome.getOutcomeId(), true);
    proposition.resolverId = outcome.getResolverId();
    proposition.expiresAt = event.source.timestamp + resolvedRetentionMillis;
    meta.put(outcome.getPropositionId(), proposition);
    emitSettlements(settlements, proposition, correction, observedAt, context);
    scheduleExpiry(outcome.getPropositionId(), proposition.expiresAt, context);
    outcomesApplied.inc();
    return true;
  }

  private void emitSettlements(
      List<io.beliefnet.model.Settlement> settlements,
      PropositionMeta proposition,
      boolean correction,
      long settledAt,
      Context context) {
    for (io.beliefnet.model.Settlement settlement : settlements) {
      String claimId = proposition.claimIdByAgent.get(settlement.agentId());
      context.output(
          SETTLEMENTS,
          ModelOutputs.settlement(settlement, claimId, proposition, correction, settledAt));
    }
  }

  private void emitBeliefs(
      String propositionId, DomainNetwork network, long eventTime, Collector<Belief> out)
      throws Exception {
    for (String id : new ArrayList<>(store.touchedPropositions())) {
      PropositionMeta proposition = meta.get(id);
      if (proposition == null) {
        continue;
      }
      io.beliefnet.model.Belief belief = network.belief(id).orElseThrow();
      if (!id.equals(propositionId)
          && !movedEnough(proposition.lastEmitted, belief.distribution())) {
        continue;
      }
      proposition.version++;
      proposition.lastEmitted = belief.distribution();
      meta.put(id, proposition);
      out.collect(ModelOutputs.belief(belief, proposition, eventTime));
      beliefsEmitted.inc();
      beliefUpdateLagMillis = System.currentTimeMillis() - eventTime;
    }
  }

  private static boolean movedEnough(double[] before, double[] now) {
    if (before.length != now.length) {
      return true;
    }
    for (int k = 0; k < now.length; k++) {
      if (Math.abs(now[k] - before[k]) >= REFRESH_EMIT_THRESHOLD) {
        return true;
      }
    }
    return false;
  }

  private void scheduleExpiry(String propositionId, long at, Context context) throws Exception {
    List<String> due = expiry.get(at);
    if (due == null) {
      due = new ArrayList<>();
      context.timerService().registerEventTimeTimer(at);
    }
    due.add(propositionId);
    expiry.put(at, due);
  }

  @Override
  protected void onEventTime(long timestamp, OnTimerContext context, Collector<Belief> out)
      throws Exception {
    List<String> due = expiry.get(timestamp);
    if (due == null) {
      return;
    }
    expiry.remove(timestamp);
    for (String id : due) {
      PropositionMeta proposition = meta.get(id);
      if (proposition == null) {
        continue; // forgotten at an earlier expiry
      }
      if (proposition.expiresAt > timestamp) {
        scheduleExpiry(id, proposition.expiresAt, context); // claimed on since: look again then
        continue;
      }
      if (!isResolved(proposition)) {
        openPropositions--;
      }
      store.removeProposition(id);
      meta.remove(id);
    }
    store.flush();
  }

  private static boolean isResolved(PropositionMeta proposition) {
    return proposition.resolverId != null;
  }

  @Override
  public void snapshotState(FunctionSnapshotContext context) throws Exception {
    openPropositionsState.update(List.of(openPropositions));
  }

  @Override
  public void initializeState(FunctionInitializationContext context) throws Exception {
    openPropositionsState = context.getOperatorStateStore().getListState(OPEN_PROPOSITIONS);
    openPropositions = 0;
    for (long share : openPropositionsState.get()) {
      openPropositions += share;
    }
  }

  /** Rejects {@code event}; false, so that an apply method can return it as "not applied". */
  private boolean rejected(
      InputEvent event, Context context, RejectionReason reason, String message) {
    reject(event, context, reason, message);
    return false;
  }
}
