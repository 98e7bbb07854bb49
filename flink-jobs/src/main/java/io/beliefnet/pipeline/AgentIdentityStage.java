package io.beliefnet.pipeline;

import io.beliefnet.avro.AgentIdentity;
import io.beliefnet.avro.RejectionReason;
import io.beliefnet.pipeline.kafka.DeadLetters;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.Collector;

/**
 * Keyed by agent id: keeps each agent's current identity from the {@code agents} topic and stamps
 * the agent's claims with it, so the domain stage knows tier, controller and stake. Claims from
 * agents that never registered, or whose key is revoked, are rejected.
 *
 * <p>State per agent: one {@link AgentIdentity} (about 100 bytes plus the 44-byte public key and
 * the id strings); kept while the agent exists, since the topic it mirrors is compacted.
 */
public final class AgentIdentityStage extends EventTimeOrderedFunction<String, InputEvent> {

  private static final long serialVersionUID = 1L;

  private static final ValueStateDescriptor<AgentIdentity> IDENTITY =
      new ValueStateDescriptor<>("identity", TypeInformation.of(AgentIdentity.class));

  private transient ValueState<AgentIdentity> identity;

  @Override
  public void open(OpenContext openContext) throws Exception {
    super.open(openContext);
    identity = getRuntimeContext().getState(IDENTITY);
  }

  @Override
  protected void apply(InputEvent event, Context context, Collector<InputEvent> out)
      throws Exception {
    if (event.isRegistration()) {
      identity.update(event.agent);
      return;
    }
    AgentIdentity current = identity.value();
    if (current == null) {
      reject(event, context, RejectionReason.UNKNOWN_AGENT,
          "agent '" + event.claim.getAgentId() + "' has not registered: publish its identity to"
              + " the agents topic before its claims");
    } else if (current.getRevoked()) {
      reject(event, context, RejectionReason.UNKNOWN_AGENT,
          "agent '" + event.claim.getAgentId() + "' has a revoked key: register a new key before"
              + " claiming again");
    } else {
      out.collect(event.stampedWith(current));
    }
  }

  private static void reject(
      InputEvent event, Context context, RejectionReason reason, String message) {
    context.output(
        DeadLetters.TAG,
        DeadLetters.of(event.source, reason, "claim " + event.claim.getClaimId() + ": " + message));
  }
}
