package io.beliefnet.pipeline;

import io.beliefnet.avro.AgentIdentity;
import io.beliefnet.avro.IdentityTier;
import io.beliefnet.avro.RejectionReason;
import io.beliefnet.pipeline.trust.TokenBucket;
import io.beliefnet.pipeline.trust.TrustPolicy;
import io.beliefnet.signing.SignatureCheck;
import io.beliefnet.signing.SignatureCheck.Verdict;
import io.beliefnet.signing.VerifiedRoots;
import io.beliefnet.signing.VerifyingKey;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.util.Collector;

/**
 * Keyed by agent id: the trust boundary. Keeps each agent's current identity from the {@code
 * agents} topic, verifies the Ed25519 signature of every claim and outcome against the key
 * registered now, admits outcomes only from configured resolvers, holds each agent to its tier's
 * claim rate, and stamps admitted claims with the identity (tier, controller, stake) for the domain
 * stage. When a key is revoked it tells every domain the agent claimed in, so that what the key
 * signed stops counting there.
 *
 * <p>The rate is checked first, without spending, so that claims beyond it are refused before the
 * costly signature check; only a claim whose signature verifies spends from the allowance, so
 * forged records under an agent's id cannot use it up; failed checks spend from an allowance of
 * their own, so a flood of forgeries under one id costs the job a bounded number of checks. Decoded
 * keys and verified batch roots are cached per subtask (not state: a restarted subtask verifies
 * again and decides the same). State per agent: one {@link AgentIdentity} (about 100 bytes plus the
 * 44-byte key and id strings), two {@link TokenBucket}s (16 bytes each), and the names of the
 * domains it claimed in; kept while the agent exists, since the topic it mirrors is compacted.
 */
public final class AgentIdentityStage extends EventTimeOrderedFunction<String, InputEvent> {

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

  /** Decoded keys kept per subtask; decoding one costs about as much as a verification. */
  private static final int CACHED_KEYS = 10_000;

  /** Batch roots verified per subtask: a batch's claims arrive close together at one subtask. */
  private static final int CACHED_ROOTS = 4_096;

  private final TrustPolicy policy;
  private transient ValueState<AgentIdentity> identity;
  private transient ValueState<TokenBucket> allowance;
  private transient ValueState<TokenBucket> failureAllowance;
  private transient Map<ByteBuffer, VerifyingKey> keys;
  private transient VerifiedRoots verifiedRoots;
  private transient MapState<String, Boolean> domains;

  public AgentIdentityStage(TrustPolicy policy) {
    this.policy = policy;
  }

  @Override
  public void open(OpenContext openContext) throws Exception {
    super.open(openContext);
    identity = getRuntimeContext().getState(IDENTITY);
    allowance = getRuntimeContext().getState(CLAIM_ALLOWANCE);
    failureAllowance = getRuntimeContext().getState(FAILURE_ALLOWANCE);
    keys =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<ByteBuffer, VerifyingKey> eldest) {
            return size() > CACHED_KEYS;
          }
        };
    verifiedRoots = new VerifiedRoots(CACHED_ROOTS);
    domains = getRuntimeContext().getMapState(DOMAINS);
  }

  @Override
  protected void apply(InputEvent event, Context context, Collector<InputEvent> out)
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
          subject(event)
              + ": agent '"
              + event.agentId()
              + "' exceeded the "
              + tier
              + " rate of "
              + policy.ratePerSecond(tier)
              + " claims/s (burst "
              + policy.burstCapacity(tier)
              + "): slow down, or register a higher tier");
    } else if (verified(event, signer, context)) {
      bucket.take();
      domains.put(event.domain(), true);
      out.collect(event.stampedWith(signer));
    }
    allowance.update(bucket);
  }

  /** The registered identity that must have signed {@code event}; null, rejected, if none may. */
  private AgentIdentity signer(InputEvent event, Context context) throws Exception {
    if (event.isOutcome() && !policy.mayResolve(event.agentId(), event.domain())) {
      reject(
          event,
          context,
          RejectionReason.UNTRUSTED_RESOLVER,
          subject(event)
              + " comes from '"
              + event.agentId()
              + "', which is not a configured"
              + " resolver of domain "
              + event.domain()
              + ": only the agents trust.resolvers lists"
              + " for that domain may publish its outcomes");
      return null;
    }
    AgentIdentity current = identity.value();
    if (current == null || current.getRevoked()) {
      reject(
          event,
          context,
          RejectionReason.UNKNOWN_AGENT,
          subject(event)
              + ": agent '"
              + event.agentId()
              + "' "
              + (current == null
                  ? "has not registered: publish its identity to the agents topic first"
                  : "has a revoked key: register a new key before publishing again"));
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
          subject(event)
              + ": too many records under agent '"
              + event.agentId()
              + "' failed their"
              + " signature check (more than its "
              + tier
              + " rate of "
              + policy.ratePerSecond(tier)
              + "/s): its records are refused unchecked until that allowance refills; if these"
              + " are not yours, restrict who may write the topic");
      return false;
    }
    VerifyingKey key = key(signer.getPublicKey());
    Verdict verdict =
        key == null
            ? Verdict.UNUSABLE_KEY
            : event.isClaim()
                ? SignatureCheck.verify(event.claim, key, verifiedRoots)
                : SignatureCheck.verify(event.outcome, key);
    if (verdict == Verdict.UNSIGNED) {
      reject(
          event,
          context,
          RejectionReason.UNSIGNED,
          subject(event)
              + " has no signature: sign its canonical encoding with the agent's"
              + " Ed25519 key");
    } else if (verdict != Verdict.VALID) {
      reject(
          event,
          context,
          RejectionReason.BAD_SIGNATURE,
          subject(event)
              + "'s signature does not verify under the key agent '"
              + event.agentId()
              + "' registered at "
              + signer.getRegisteredAt()
              + ": it was altered, forged, or"
              + " signed with another key; re-sign it with the current key");
    }
    if (verdict != Verdict.VALID) {
      // written only when a token is spent: a refill alone is recomputed from the stored time,
      // so a valid record costs no state write here
      failures.take();
      failureAllowance.update(failures);
    }
    return verdict == Verdict.VALID;
  }

  /** The decoded key, or null if it does not decode (registered before keys were checked). */
  private VerifyingKey key(ByteBuffer publicKey) {
    VerifyingKey key = keys.get(publicKey);
    if (key == null) {
      key = VerifyingKey.fromX509(publicKey).orElse(null);
      if (key != null) {
        keys.put(publicKey, key);
      }
    }
    return key;
  }

  private static String subject(InputEvent event) {
    return event.isClaim()
        ? "claim " + event.claim.getClaimId()
        : "outcome " + event.outcome.getOutcomeId();
  }

  /**
   * Stores the new identity. Revoking the current key tells each domain the agent claimed in; a
   * registration whose key cannot verify anything is refused, since it would lock the agent out.
   */
  private void register(InputEvent event, Context context, Collector<InputEvent> out)
      throws Exception {
    AgentIdentity registered = event.agent;
    if (!registered.getRevoked() && !SignatureCheck.usable(registered.getPublicKey())) {
      reject(
          event,
          context,
          RejectionReason.INVALID_RECORD,
          "agent '"
              + registered.getAgentId()
              + "' registers a public key that is not an Ed25519"
              + " key in X.509 SubjectPublicKeyInfo encoding (44 bytes): register that encoding");
      return;
    }
    AgentIdentity current = identity.value();
    if (registered.getRevoked() && current != null && !current.getRevoked()) {
      for (String domain : domains.keys()) {
        out.collect(InputEvent.revocation(event.source, current, domain));
      }
    }
    identity.update(registered);
  }

  /** The agent's claim allowance, full for its first claim. */
  private TokenBucket allowance(AgentIdentity agent, long at) throws Exception {
    TokenBucket bucket = allowance.value();
    return bucket != null ? bucket : TokenBucket.full(policy.burstCapacity(agent.getTier()), at);
  }
}
