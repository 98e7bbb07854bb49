package io.beliefnet.pipeline;

import io.beliefnet.avro.Feedback;
import io.beliefnet.model.DomainState;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by domain: adds up what propositions taught each domain as a whole (base rate, population
 * calibration, pooling) and sends the new state to the claimant and proposition stages. Its input
 * is one summed delta per domain per checkpoint from each proposition subtask, so its load does not
 * grow with a domain's traffic. State: one {@link DomainState} per domain (about 1 KB).
 */
public final class DomainStage extends KeyedProcessFunction<String, InputEvent, DomainSnapshot> {

  private static final long serialVersionUID = 1L;

  private static final ValueStateDescriptor<DomainState> LEARNED =
      new ValueStateDescriptor<>("domain", TypeInformation.of(DomainState.class));

  private transient ValueState<DomainState> learned;

  @Override
  public void open(OpenContext openContext) {
    learned = getRuntimeContext().getState(LEARNED);
  }

  @Override
  public void processElement(InputEvent event, Context context, Collector<DomainSnapshot> out)
      throws Exception {
    Feedback delta = event.feedback;
    DomainState state = learned.value();
    if (state == null) {
      state = new DomainState();
    }
    state.add(FeedbackRecords.domainState(delta.getDomainDelta()));
    learned.update(state);
    out.collect(new DomainSnapshot(delta.getDomain(), state));
  }
}
