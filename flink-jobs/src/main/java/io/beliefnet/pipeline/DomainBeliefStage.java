package io.beliefnet.pipeline;

import io.beliefnet.avro.AgentReliability;
import io.beliefnet.avro.Belief;
import io.beliefnet.avro.RejectionReason;
import io.beliefnet.avro.Settlement;
import io.beliefnet.model.DomainUpdate;
import io.beliefnet.model.DomainUpdater;
import io.beliefnet.model.ModelParameters;
import io.beliefnet.pipeline.state.ExpiryTimers;
import io.beliefnet.pipeline.state.KeyedDomainStore;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keyed by domain: runs the model's {@link DomainUpdater} over keyed state in event-time order and
 * publishes what it says: beliefs, the claimant's reliability, settlements, or a dead letter with
 * the model's reason. The stage only wires state, time and output; expiry timers fire at the times
 * the model asks for.
 */
public final class DomainBeliefStage extends EventTimeOrderedFunction<String, Belief>
    implements CheckpointedFunction {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(DomainBeliefStage.class);

  public static final OutputTag<AgentReliability> RELIABILITIES =
      new OutputTag<>("agent-reliability") {};
  public static final OutputTag<Settlement> SETTLEMENTS = new OutputTag<>("settlements") {};

  private final ModelParameters parameters;
  private final Duration openRetention;
  private final Duration resolvedRetention;
  private transient KeyedDomainStore store;
  private transient ExpiryTimers expiries;
  private transient DomainStageMetrics metrics;
  private transient ListState<Long> openPropositions;

  public DomainBeliefStage(
      ModelParameters parameters, Duration resolvedRetention, Duration openRetention) {
    this.parameters = parameters;
    this.resolvedRetention = resolvedRetention;
    this.openRetention = openRetention;
  }

  @Override
  public void open(OpenContext openContext) throws Exception {
    super.open(openContext);
    store = new KeyedDomainStore(getRuntimeContext());
    expiries = new ExpiryTimers(getRuntimeContext());
    metrics = new DomainStageMetrics(getRuntimeContext().getMetricGroup(), openPropositions.get());
  }

  @Override
  protected void apply(InputEvent event, Context context, Collector<Belief> out) throws Exception {
    DomainUpdater updater = updater(context.getCurrentKey());
    DomainUpdate update =
        event.isRevocation()
            ? updater.withdraw(
                event.agent.getAgentId(), event.agent.getRegisteredAt().toEpochMilli())
            : event.isClaim()
                ? updater.claim(ModelInputs.claim(event))
                : updater.resolve(ModelInputs.outcome(event));
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
        .reliability()
        .ifPresent(r -> context.output(RELIABILITIES, ModelOutputs.reliability(r, time)));
    update
        .settlements()
        .forEach(s -> context.output(SETTLEMENTS, ModelOutputs.settlement(s, time)));
    metrics.applied(event, update, time);
    expiries.schedule(update.expiries(), context.timerService());
    store.flush();
  }

  @Override
  protected void onEventTime(long timestamp, OnTimerContext context, Collector<Belief> out)
      throws Exception {
    DomainUpdater updater = updater(context.getCurrentKey());
    for (String id : expiries.take(timestamp)) {
      DomainUpdate update = updater.expire(id, timestamp);
      metrics.openChanged(update.openChange());
      expiries.schedule(update.expiries(), context.timerService());
    }
    store.flush();
  }

  @Override
  public void initializeState(FunctionInitializationContext context) throws Exception {
    openPropositions =
        context.getOperatorStateStore().getListState(DomainStageMetrics.OPEN_PROPOSITIONS);
    if (context.isRestored()) {
      LOG.info(
          "event=state_restored operator=beliefs subtask={} checkpoint={}",
          getRuntimeContext().getTaskInfo().getIndexOfThisSubtask(),
          context.getRestoredCheckpointId().orElse(-1));
    }
  }

  @Override
  public void snapshotState(FunctionSnapshotContext context) throws Exception {
    openPropositions.update(List.of(metrics.openPropositions()));
  }

  private DomainUpdater updater(String domain) {
    return new DomainUpdater(domain, parameters, store, openRetention, resolvedRetention);
  }
}
