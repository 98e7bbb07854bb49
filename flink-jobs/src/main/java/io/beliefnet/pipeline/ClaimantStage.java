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
 * from the feedback topic, sends the re-stamps that causes to the propositions concerned, and
 * publishes the agent's reliability; and on a revocation tells each proposition the agent holds an
 * open claim on to withdraw it. Claims and notices leave in the order they came, with their
 * timestamps, so event time passes through unchanged.
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

  private final ModelParameters parameters;
  private transient ClaimantModel model;
  private transient KeyedClaimant claimant;
  private transient ValueState<AgentIdentity> identity;

  public ClaimantStage(ModelParameters parameters) {
    this.parameters = parameters;
  }

  @Override
  public void open(OpenContext openContext) {
    model = new ClaimantModel(parameters);
    claimant = new KeyedClaimant(getRuntimeContext());
    identity = getRuntimeContext().getState(IDENTITY);
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
      for (Restamp restamp : model.learn(told, claimant.learned(), claimant, learnedInDomain)) {
        out.collect(
            InputEvent.ofNotice(event.source, ClaimantNotice.restamp(domain, agentId, restamp)));
      }
      if (told.delta() != null) {
        claimant.learnedChanged();
        AgentProfile profile = profile(agentId);
        Reliability reliability =
            model.reliability(agentId, domain, profile, claimant.learned(), learnedInDomain);
        context.output(
            RELIABILITIES, ModelOutputs.reliability(reliability, event.source.timestamp));
        context.output(CANDIDATES, EvidenceCandidate.of(reliability, profile));
      }
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
