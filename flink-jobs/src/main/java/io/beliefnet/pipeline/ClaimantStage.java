package io.beliefnet.pipeline;

import io.beliefnet.avro.AgentIdentity;
import io.beliefnet.avro.AgentReliability;
import io.beliefnet.avro.RejectionReason;
import io.beliefnet.model.AgentProfile;
import io.beliefnet.model.ClaimState;
import io.beliefnet.model.ClaimantModel;
import io.beliefnet.model.ClaimantModel.Restamp;
import io.beliefnet.model.DomainState;
import io.beliefnet.model.ModelFeedback.AgentFeedback;
import io.beliefnet.model.ModelParameters;
import io.beliefnet.model.Reliability;
import io.beliefnet.pipeline.state.KeyedClaimant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Keyed by (agent, domain): the agent's side of the domain, running the model's {@link
 * ClaimantModel} over keyed state. It weighs each admitted claim with what is learned about the
 * agent and sends it on to its proposition; applies what propositions taught the agent, read back
 * from the feedback topic; and on a revocation tells each proposition the agent holds an open claim
 * on to withdraw it. Claims and notices leave in the order they came, with their timestamps, so
 * event time passes through unchanged.
 *
 * <p>What feedback to the agent causes (see {@link ClaimantModel#apply}), the re-stamps of its open
 * claims and its published reliability, waits for a timer at the next boundary of a window of
 * processing time as long as the checkpoint interval: each proposition subtask sends the agent its
 * own feedback at every checkpoint, and a busy stage reads one checkpoint's records over most of
 * the next interval, so a timer per key and window (each key's windows shifted by its own share of
 * the interval) turns them into one round of re-stamps instead of one per subtask (the job alone,
 * parallelism 2, 25 claims a proposition: 0.32 beliefs republished per claim instead of 0.78, 9,169
 * claims/s instead of 5,685–6,045; with a 100 ms window, no change).
 */
public final class ClaimantStage
    extends KeyedBroadcastProcessFunction<
        Tuple2<String, String>, InputEvent, DomainSnapshot, InputEvent> {

  private static final long serialVersionUID = 1L;

  public static final OutputTag<AgentReliability> RELIABILITIES =
      new OutputTag<>("agent-reliability") {};

  /** The agent as a candidate to ask for evidence, whenever its reliability changes. */
  public static final OutputTag<EvidenceCandidate> CANDIDATES =
      new OutputTag<>("evidence-candidates") {};

  /** The identity the agent last claimed under here, to publish its reliability with. */
  private static final ValueStateDescriptor<AgentIdentity> IDENTITY =
      new ValueStateDescriptor<>("identity", TypeInformation.of(AgentIdentity.class));

  /** What the pending round of re-stamps follows, in order of what it has to do. */
  enum RoundDue {
    /** Only claims of the agent opened or closed: re-stamp. */
    TOLD,
    /** What is learned about the agent changed: re-stamp and publish its reliability. */
    LEARNED,
    /** An outcome taught part of that: the re-stamps re-credit the consensus too. */
    LEARNED_FROM_OUTCOMES;

    static RoundDue of(boolean learned, AgentFeedback told) {
      return told.learnedFromOutcomes() ? LEARNED_FROM_OUTCOMES : learned ? LEARNED : TOLD;
    }
  }

  /** The round of re-stamps due at the end of the key's window; absent if none is. */
  private static final ValueStateDescriptor<RoundDue> ROUND_DUE =
      new ValueStateDescriptor<>("round-due", RoundDue.class);

  private final ModelParameters parameters;
  private final long restampWindowMillis;
  private transient ClaimantModel model;
  private transient KeyedClaimant claimant;
  private transient ValueState<AgentIdentity> identity;
  private transient ValueState<RoundDue> roundDue;

  /**
   * @param restampWindowMillis how long what changes an agent gathers before its open claims are
   *     re-stamped: the checkpoint interval
   */
  public ClaimantStage(ModelParameters parameters, long restampWindowMillis) {
    this.parameters = parameters;
    this.restampWindowMillis = restampWindowMillis;
  }

  @Override
  public void open(OpenContext openContext) {
    model = new ClaimantModel(parameters);
    claimant = new KeyedClaimant(getRuntimeContext());
    identity = getRuntimeContext().getState(IDENTITY);
    roundDue = getRuntimeContext().getState(ROUND_DUE);
  }

  @Override
  public void processElement(InputEvent event, ReadOnlyContext context, Collector<InputEvent> out)
      throws Exception {
    String agentId = context.getCurrentKey().f0;
    String domain = context.getCurrentKey().f1;
    DomainState learnedInDomain =
        DomainSnapshot.latest(context.getBroadcastState(DomainSnapshot.LATEST), domain);
    if (event.isClaim()) {
      weigh(event, learnedInDomain, context, out);
    } else if (event.isRevocation()) {
      long since = event.agent.getRegisteredAt().toEpochMilli();
      for (String propositionId : model.openPropositions(claimant)) {
        out.collect(
            InputEvent.ofNotice(
                event.source, ClaimantNotice.withdrawal(domain, agentId, propositionId, since)));
      }
    } else {
      AgentFeedback told = FeedbackRecords.agentFeedback(event.feedback);
      boolean learned = model.apply(told, claimant.learned(), claimant);
      if (learned) {
        claimant.learnedChanged();
      }
      RoundDue now = RoundDue.of(learned, told);
      RoundDue due = roundDue.value();
      if (due == null) { // no round pending yet in this window: its timer is set once
        context
            .timerService()
            .registerProcessingTimeTimer(
                windowEnd(context.timerService().currentProcessingTime(), context.getCurrentKey()));
      }
      if (due == null || now.compareTo(due) > 0) {
        roundDue.update(now);
      }
    }
    claimant.flush();
  }

  /**
   * The end of the window {@code now} falls in, for {@code key}: each key's windows are shifted by
   * a share of the window its hash picks, so that the keys' rounds of re-stamps spread over the
   * interval instead of all running at once and holding back the claims behind them.
   */
  private long windowEnd(long now, Tuple2<String, String> key) {
    long shift = Math.floorMod(key.hashCode(), restampWindowMillis);
    return (Math.floorDiv(now - shift, restampWindowMillis) + 1) * restampWindowMillis + shift;
  }

  /**
   * Re-stamps the agent's next open claims and, if what is learned about it changed, publishes its
   * reliability, once per window.
   */
  @Override
  public void onTimer(long timestamp, OnTimerContext context, Collector<InputEvent> out)
      throws Exception {
    RoundDue due = roundDue.value();
    if (due == null) {
      return;
    }
    roundDue.clear();
    String agentId = context.getCurrentKey().f0;
    String domain = context.getCurrentKey().f1;
    DomainState learnedInDomain =
        DomainSnapshot.latest(context.getBroadcastState(DomainSnapshot.LATEST), domain);
    KafkaInput cause = KafkaInput.madeByTheJob("re-stamp", timestamp);
    boolean fromOutcomes = due == RoundDue.LEARNED_FROM_OUTCOMES;
    for (Restamp restamp :
        model.restamp(claimant.learned(), claimant, learnedInDomain, fromOutcomes)) {
      out.collect(InputEvent.ofNotice(cause, ClaimantNotice.restamp(domain, agentId, restamp)));
    }
    if (due != RoundDue.TOLD) {
      AgentProfile profile = profile(agentId);
      Reliability reliability =
          model.reliability(agentId, domain, profile, claimant.learned(), learnedInDomain);
      context.output(RELIABILITIES, ModelOutputs.reliability(reliability, timestamp));
      context.output(CANDIDATES, EvidenceCandidate.of(reliability, profile));
    }
    claimant.flush();
  }

  private void weigh(
      InputEvent event,
      DomainState learnedInDomain,
      ReadOnlyContext context,
      Collector<InputEvent> out)
      throws Exception {
    ClaimState weighed;
    try {
      weighed =
          model.weigh(
              ModelInputs.claim(event.claim),
              ModelInputs.profile(event.agent),
              claimant.learned(),
              claimant,
              learnedInDomain);
    } catch (IllegalArgumentException contradictsItself) {
      context.output(
          DeadLetters.TAG,
          DeadLetters.of(
              event.source, RejectionReason.INVALID_RECORD, contradictsItself.getMessage()));
      return;
    }
    if (!event.agent.equals(identity.value())) {
      identity.update(event.agent);
    }
    out.collect(event.weighedAs(weighed));
  }

  private AgentProfile profile(String agentId) throws Exception {
    AgentIdentity current = identity.value();
    return current == null ? AgentProfile.unregistered(agentId) : ModelInputs.profile(current);
  }

  @Override
  public void processBroadcastElement(
      DomainSnapshot snapshot, Context context, Collector<InputEvent> out) throws Exception {
    context.getBroadcastState(DomainSnapshot.LATEST).put(snapshot.domain, snapshot.state);
  }
}
