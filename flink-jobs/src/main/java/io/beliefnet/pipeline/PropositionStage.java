package io.beliefnet.pipeline;

import io.beliefnet.avro.Belief;
import io.beliefnet.avro.EvidenceRequest;
import io.beliefnet.avro.Feedback;
import io.beliefnet.avro.RejectionReason;
import io.beliefnet.avro.Settlement;
import io.beliefnet.model.DomainState;
import io.beliefnet.model.DomainUpdate;
import io.beliefnet.model.DomainUpdate.PublishedBelief;
import io.beliefnet.model.EvidencePlanner;
import io.beliefnet.model.ModelFeedback;
import io.beliefnet.model.ModelParameters;
import io.beliefnet.model.PropositionPolicy;
import io.beliefnet.model.PropositionState;
import io.beliefnet.model.PropositionUpdater;
import io.beliefnet.pipeline.state.KeyedProposition;
import io.beliefnet.pipeline.trust.TokenBucket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keyed by (domain, proposition): runs the model's {@link PropositionUpdater} over keyed state and
 * publishes what it says: beliefs, settlements, or a dead letter with the model's reason. Claims
 * (as their agents' side weighed them), outcomes and withdrawals are applied in event-time order
 * (its operator, {@link PropositionOperator}, holds them until the watermark passes them); new
 * stamps from the agents' side at once. What each event teaches the claimants and the domain is
 * summed per domain in memory and written to the feedback topic just before each checkpoint barrier
 * ({@link #flushFeedback}), so one checkpoint's feedback is one record per agent and domain
 * touched, and it is part of that checkpoint's transaction. Expiry timers fire at the times the
 * model asks for.
 */
public final class PropositionStage
    extends KeyedBroadcastProcessFunction<
        Tuple2<String, String>, InputEvent, DomainSnapshot, Belief>
    implements CheckpointedFunction {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(PropositionStage.class);

  public static final OutputTag<Settlement> SETTLEMENTS = new OutputTag<>("settlements") {};
  public static final OutputTag<Feedback> FEEDBACK = new OutputTag<>("model-feedback") {};
  public static final OutputTag<EvidenceRequest> REQUESTS = new OutputTag<>("evidence-requests") {};

  private final ModelParameters parameters;
  private final PropositionPolicy policy;
  private final EvidenceRequestPolicy requests;
  private transient PropositionUpdater updater;
  private transient KeyedProposition store;
  private transient PropositionStageMetrics metrics;
  private transient ListState<Long> openPropositions;

  /** Feedback since the last barrier, per domain; sorted, so it is written in a fixed order. */
  private transient Map<String, ModelFeedback> unsent;

  public PropositionStage(
      ModelParameters parameters, PropositionPolicy policy, EvidenceRequestPolicy requests) {
    this.parameters = parameters;
    this.policy = policy;
    this.requests = requests;
  }

  @Override
  public void open(OpenContext openContext) throws Exception {
    updater = new PropositionUpdater(parameters, policy);
    store = new KeyedProposition(getRuntimeContext());
    metrics =
        new PropositionStageMetrics(getRuntimeContext().getMetricGroup(), openPropositions.get());
    unsent = new TreeMap<>();
  }

  @Override
  public void processElement(InputEvent event, ReadOnlyContext context, Collector<Belief> out)
      throws Exception {
    store.discard(); // what the last callback read belongs to its key
    apply(event, context, out);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext context, Collector<Belief> out)
      throws Exception {
    store.discard(); // what the last callback read belongs to its key
    DomainUpdate expiry = updater.expire(context.getCurrentKey().f1, timestamp, store);
    metrics.openChanged(expiry.openChange());
    schedule(expiry, context);
    store.flushRemoval(); // an expiry only ever removes: a proposition it keeps is not rewritten
  }

  private void apply(InputEvent event, ReadOnlyContext context, Collector<Belief> out)
      throws Exception {
    String domain = context.getCurrentKey().f0;
    DomainState learnedInDomain =
        DomainSnapshot.latest(context.getBroadcastState(DomainSnapshot.LATEST), domain);
    ModelFeedback feedback = new ModelFeedback();
    DomainUpdate update = update(event, learnedInDomain, feedback);
    if (update.refusal().isPresent()) {
      store.discard(); // all or nothing: what the model changed before refusing is not kept
      reject(
          event,
          context,
          RejectionReason.valueOf(update.refusal().get().reason().name()),
          update.refusal().get().message());
      return;
    }
    long time = event.source.timestamp;
    update.beliefs().forEach(belief -> out.collect(ModelOutputs.belief(belief, time)));
    update
        .settlements()
        .forEach(s -> context.output(SETTLEMENTS, ModelOutputs.settlement(s, time)));
    metrics.applied(event, update, time);
    schedule(update, context);
    if (event.isClaim() && !update.beliefs().isEmpty()) {
      askForEvidence(update.beliefs().get(0), context, time);
    }
    store.flush();
    if (!feedback.isEmpty()) {
      unsent.computeIfAbsent(domain, d -> new ModelFeedback()).add(feedback);
    }
  }

  /**
   * Asks the domain's most useful agents for evidence on the proposition whose belief a claim just
   * moved, as far as its request budget allows.
   */
  private void askForEvidence(PublishedBelief published, ReadOnlyContext context, long time)
      throws Exception {
    if (requests.perProposition() == 0
        || !EvidencePlanner.worthAsking(published.belief().distribution())) {
      return;
    }
    EvidenceCandidate[] candidates =
        context.getBroadcastState(DomainSnapshot.CANDIDATES).get(context.getCurrentKey().f0);
    if (candidates == null) {
      return;
    }
    List<EvidencePlanner.Candidate> pool = new ArrayList<>(candidates.length);
    for (EvidenceCandidate candidate : candidates) {
      pool.add(candidate.toModel());
    }
    List<EvidencePlanner.Ask> asks =
        updater.evidenceWanted(published.belief(), store, pool, requests.perProposition());
    if (asks.isEmpty()) {
      return; // a settled belief, or nobody worth asking: the budget stays as it was
    }
    // the budget is kept in the proposition's state, which the claim writes anyway
    PropositionState proposition =
        store.proposition(published.belief().propositionId()).orElseThrow();
    TokenBucket budget =
        proposition.getRequestsRefilledAt() == null
            ? TokenBucket.full(requests.perProposition(), time)
            : TokenBucket.of(proposition.getRequestTokens(), proposition.getRequestsRefilledAt());
    for (EvidencePlanner.Ask ask : asks) {
      if (!requests.allows(budget, requests.perProposition(), time)) {
        break;
      }
      budget.take();
      context.output(
          REQUESTS, ModelOutputs.evidenceRequest(published, ask, time, requests.expiry()));
    }
    proposition.setRequestTokens(budget.tokens);
    proposition.setRequestsRefilledAt(budget.refilledAt);
  }

  private DomainUpdate update(
      InputEvent event, DomainState learnedInDomain, ModelFeedback feedback) {
    if (event.isClaim()) {
      return updater.claim(
          ModelInputs.claim(event), event.weighed, store, learnedInDomain, feedback);
    }
    if (event.isOutcome()) {
      return updater.resolve(ModelInputs.outcome(event), store, learnedInDomain, feedback);
    }
    ClaimantNotice notice = event.notice;
    if (notice.withdrawSince != null) {
      return updater.withdraw(
          notice.agentId,
          notice.propositionId,
          notice.withdrawSince,
          store,
          learnedInDomain,
          feedback);
    }
    return updater.restamp(notice.agentId, notice.asRestamp(), store, learnedInDomain, feedback);
  }

  private static void schedule(DomainUpdate update, ReadOnlyContext context) {
    for (long at : update.expiries().values()) {
      context.timerService().registerEventTimeTimer(at);
    }
  }

  private static void reject(
      InputEvent event, ReadOnlyContext context, RejectionReason reason, String message) {
    context.output(DeadLetters.TAG, DeadLetters.of(event.source, reason, message));
  }

  /**
   * Hands over the feedback summed since the last call, as records, and forgets it. Called just
   * before each checkpoint barrier.
   */
  void flushFeedback(Consumer<Feedback> send) {
    for (Map.Entry<String, ModelFeedback> domain : unsent.entrySet()) {
      FeedbackRecords.of(domain.getKey(), domain.getValue()).forEach(send);
    }
    unsent.clear();
  }

  @Override
  public void processBroadcastElement(
      DomainSnapshot snapshot, Context context, Collector<Belief> out) throws Exception {
    if (snapshot.candidates != null) {
      context
          .getBroadcastState(DomainSnapshot.CANDIDATES)
          .put(snapshot.domain, snapshot.candidates);
    } else {
      context.getBroadcastState(DomainSnapshot.LATEST).put(snapshot.domain, snapshot.state);
    }
  }

  @Override
  public void initializeState(FunctionInitializationContext context) throws Exception {
    openPropositions =
        context.getOperatorStateStore().getListState(PropositionStageMetrics.OPEN_PROPOSITIONS);
    if (context.isRestored()) {
      LOG.info(
          "event=state_restored operator=propositions subtask={} checkpoint={}",
          getRuntimeContext().getTaskInfo().getIndexOfThisSubtask(),
          context.getRestoredCheckpointId().orElse(-1));
    }
  }

  @Override
  public void snapshotState(FunctionSnapshotContext context) throws Exception {
    openPropositions.update(List.of(metrics.openPropositions()));
  }
}
