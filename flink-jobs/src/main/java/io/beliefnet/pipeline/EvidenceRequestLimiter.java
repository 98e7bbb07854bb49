package io.beliefnet.pipeline;

import io.beliefnet.avro.EvidenceRequest;
import io.beliefnet.pipeline.trust.TokenBucket;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by agent: passes on at most the policy's requests per agent within each request expiry, so
 * that no agent is flooded however many propositions want it. Requests beyond it are not sent (they
 * are the job's own output, not input records), and counted in {@code evidence_requests_withheld}.
 */
public final class EvidenceRequestLimiter
    extends KeyedProcessFunction<String, EvidenceRequest, EvidenceRequest> {

  private static final ValueStateDescriptor<TokenBucket> BUDGET =
      new ValueStateDescriptor<>("agent-request-budget", TypeInformation.of(TokenBucket.class));

  private final EvidenceRequestPolicy policy;
  private transient ValueState<TokenBucket> budget;
  private transient Counter withheld;

  public EvidenceRequestLimiter(EvidenceRequestPolicy policy) {
    this.policy = policy;
  }

  @Override
  public void open(OpenContext openContext) {
    budget = getRuntimeContext().getState(BUDGET);
    withheld = getRuntimeContext().getMetricGroup().counter("evidence_requests_withheld");
  }

  @Override
  public void processElement(
      EvidenceRequest request, Context context, Collector<EvidenceRequest> out) throws Exception {
    long at = request.getRequestedAt().toEpochMilli();
    TokenBucket bucket = budget.value();
    if (bucket == null) {
      bucket = TokenBucket.full(policy.perAgent(), at);
    }
    if (policy.allows(bucket, policy.perAgent(), at)) {
      bucket.take();
      out.collect(request);
    } else {
      withheld.inc();
    }
    budget.update(bucket);
  }
}
