package io.beliefnet.pipeline;

import io.beliefnet.avro.AgentIdentity;
import io.beliefnet.avro.IdentityTier;
import io.beliefnet.avro.RejectionReason;
import io.beliefnet.pipeline.trust.TokenBucket;
import io.beliefnet.pipeline.trust.TrustPolicy;
import io.beliefnet.signing.SignatureCheck;
import io.beliefnet.signing.SignatureCheck.Verdict;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by agent id: the trust boundary. Keeps each agent's current identity from the {@code
 * agents} topic, verifies the Ed25519 signature of every claim and outcome against the key
 * registered now, admits outcomes only from configured resolvers, holds each agent to its tier's
 * claim rate, and stamps admitted claims with the identity (tier, controller, stake) for the
 * claimant stage. When a key is revoked it tells the agent's side in every domain it claimed in, so
 * that what the key signed stops counting there.
 *
 * <p>The rate is checked first, without spending, so that claims beyond it are refused before the
 * costly signature check ({@link SignatureVerifier}); only a claim whose signature verifies spends
 * from the allowance, so forged records under an agent's id cannot use it up; failed checks spend
 * from an allowance of their own, so a flood of forgeries under one id costs the job a bounded
 * number of checks. State per agent: one {@link AgentIdentity} (about 100 bytes plus the 44-byte
 * key and id strings), two {@link TokenBucket}s (16 bytes each), and the names of the domains it
 * claimed in; kept while the agent exists, since the topic it mirrors is compacted.
 */
public final class AgentIdentityStage extends KeyedProcessFunction<String, InputEvent, InputEvent> {

  private static final long serialVersionUID = 1L;

  private static final ValueStateDescriptor<AgentIdentity> IDENTITY =
      new ValueStateDescriptor<>("identity", TypeInformation.of(AgentIdentity.class));
  private static final ValueStateDescriptor<TokenBucket> CLAIM_ALLOWANCE =
      new ValueStateDescriptor<>("claim-allowance", TypeInformation.of(TokenBucket.class));

  /** Signature checks the agent's id may still fail: forgeries cost their sender, not the job. */
  private static final ValueStateDescriptor<TokenBucket> FAILURE_ALLOWANCE =
      new ValueStateDescriptor<>("failure-allowance", TypeInformation.of(TokenBucket.class));

  private static final MapStateDescriptor<String, Boolean> DOMAINS =
      new MapStateDescriptor<>("domains-claimed-in", Types.STRING, Types.BOOLEAN);

  private final TrustPolicy policy;
  private transient ValueState<AgentIdentity> identity;
  private transient ValueState<TokenBucket> allowance;
  private transient ValueState<TokenBucket> failureAllowance;
  private transient SignatureCheck check;
  private transient SignatureVerifier signatures;
  private transient Counter validSignatures;
  private transient Counter invalidSignatures;
  private transient MapState<String, Boolean> domains;

  public AgentIdentityStage(TrustPolicy policy) {
    this.policy = policy;
  }

  @Override
  public void open(OpenContext openContext) throws Exception {
    identity = getRuntimeContext().getState(IDENTITY);
    allowance = getRuntimeContext().getState(CLAIM_ALLOWANCE);
    failureAllowance = getRuntimeContext().getState(FAILURE_ALLOWANCE);
    check = policy.signatures();
    signatures = new SignatureVerifier(check);
    // signature_checks with a result label: how much verification work the job does, and forgeries
    validSignatures = signatureChecks("valid");
    invalidSignatures = signatureChecks("invalid");
    domains = getRuntimeContext().getMapState(DOMAINS);
  }

  /** Applies one event; its operator, {@link IdentityOperator}, calls this in apply order. */
  @Override
  public void processElement(InputEvent event, Context context, Collector<InputEvent> out)
      throws Exception {
    if (event.isRegistration()) {
      register(event, context, out);
      return;
    }
    AgentIdentity signer = signer(event, context);
    if (signer == null) {
      return;
    }
    if (event.isOutcome()) {
      if (verified(event, signer, context)) {
        out.collect(event);
      }
      return;
    }
    TokenBucket bucket = allowance(signer, event.source.timestamp);
    IdentityTier tier = signer.getTier();
    if (!bucket.hasToken(
        event.source.timestamp, policy.ratePerSecond(tier), policy.burstCapacity(tier))) {
      reject(
          event,
          context,
          RejectionReason.RATE_LIMITED,
          IdentityRefusals.rateExceeded(event, tier, policy));
    } else if (verified(event, signer, context)) {
      bucket.take();
      domains.put(event.domain(), true);
      out.collect(event.admittedAs(signer));
    }
    allowance.update(bucket);
  }

  /** The registered identity that must have signed {@code event}; null, rejected, if none may. */
  private AgentIdentity signer(InputEvent event, Context context) throws Exception {
    if (event.isOutcome() && !policy.mayResolve(event.agentId(), event.domain())) {
      reject(
          event, context, RejectionReason.UNTRUSTED_RESOLVER, IdentityRefusals.notAResolver(event));
      return null;
    }
    AgentIdentity current = identity.value();
    if (current == null || current.getRevoked()) {
      reject(
          event,
          context,
          RejectionReason.UNKNOWN_AGENT,
          IdentityRefusals.unknownAgent(event, current));
      return null;
    }
    return current;
  }

  /**
   * True if the event's signature verifies under the signer's key; rejects it otherwise. Each
   * failure spends from the agent's failure allowance (its tier's claim rate); once that is spent,
   * records under its id are refused unverified until it refills.
   */
  private boolean verified(InputEvent event, AgentIdentity signer, Context context)
      throws Exception {
    long at = event.source.timestamp;
    IdentityTier tier = signer.getTier();
    TokenBucket failures = failureAllowance.value();
    if (failures == null) {
      failures = TokenBucket.full(policy.burstCapacity(tier), at);
    }
    if (!failures.hasToken(at, policy.ratePerSecond(tier), policy.burstCapacity(tier))) {
      reject(
          event,
          context,
          RejectionReason.RATE_LIMITED,
          IdentityRefusals.tooManyFailures(event, tier, policy));
      return false;
    }
    Verdict verdict = signatures.verify(event, signer.getPublicKey());
    (verdict == Verdict.VALID ? validSignatures : invalidSignatures).inc();
    if (verdict == Verdict.UNSIGNED) {
      reject(event, context, RejectionReason.UNSIGNED, IdentityRefusals.unsigned(event));
    } else if (verdict != Verdict.VALID) {
      reject(
          event,
          context,
          RejectionReason.BAD_SIGNATURE,
          IdentityRefusals.badSignature(event, signer, policy.network()));
    }
    if (verdict != Verdict.VALID) {
      // written only when a token is spent: a refill alone is recomputed from the stored time,
      // so a valid record costs no state write here
      failures.take();
      failureAllowance.update(failures);
    }
    return verdict == Verdict.VALID;
  }

  /**
   * Stores the new identity if a trusted authority signed it and it is newer than the current one.
   * Revoking the current key tells each domain the agent claimed in; a registration whose key
   * cannot verify anything is refused, since it would lock the agent out.
   */
  private void register(InputEvent event, Context context, Collector<InputEvent> out)
      throws Exception {
    AgentIdentity registered = event.agent;
    Verdict vouched = policy.authorities().verify(registered, check);
    if (vouched != Verdict.VALID) {
      reject(
          event,
          context,
          vouched == Verdict.UNSIGNED ? RejectionReason.UNSIGNED : RejectionReason.BAD_SIGNATURE,
          IdentityRefusals.notVouched(registered, policy));
      return;
    }
    if (!registered.getRevoked() && !signatures.usable(registered.getPublicKey())) {
      reject(
          event, context, RejectionReason.INVALID_RECORD, IdentityRefusals.unusableKey(registered));
      return;
    }
    AgentIdentity current = identity.value();
    if (current != null && !registered.getRegisteredAt().isAfter(current.getRegisteredAt())) {
      reject(
          event,
          context,
          RejectionReason.SUPERSEDED,
          IdentityRefusals.notNewer(registered, current));
      return;
    }
    if (registered.getRevoked() && current != null && !current.getRevoked()) {
      for (String domain : domains.keys()) {
        out.collect(InputEvent.revocation(event.source, current, domain));
      }
    }
    identity.update(registered);
  }

  private static void reject(
      InputEvent event, Context context, RejectionReason reason, String message) {
    context.output(DeadLetters.TAG, DeadLetters.of(event.source, reason, message));
  }

  private Counter signatureChecks(String result) {
    return getRuntimeContext()
        .getMetricGroup()
        .addGroup("result", result)
        .counter("signature_checks");
  }

  /** The agent's claim allowance, full for its first claim. */
  private TokenBucket allowance(AgentIdentity agent, long at) throws Exception {
    TokenBucket bucket = allowance.value();
    return bucket != null ? bucket : TokenBucket.full(policy.burstCapacity(agent.getTier()), at);
  }
}
