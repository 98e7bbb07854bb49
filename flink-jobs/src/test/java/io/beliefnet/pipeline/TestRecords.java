package io.beliefnet.pipeline;

import io.beliefnet.avro.AgentIdentity;
import io.beliefnet.avro.Claim;
import io.beliefnet.avro.IdentityTier;
import io.beliefnet.avro.Outcome;
import io.beliefnet.signing.AgentKey;
import io.beliefnet.signing.IdentityAuthority;
import java.time.Instant;
import java.util.List;
import org.apache.flink.configuration.Configuration;

/**
 * Input records for tests; event time doubles as the Kafka timestamp. Every agent (and resolver)
 * has a fixed key derived from its id, registered by {@link #agent} (issued by {@link #AUTHORITY})
 * and used by {@link #signed}.
 */
public final class TestRecords {

  /** The belief network the tests' records are signed for and their jobs run as. */
  public static final String NETWORK = "test-network";

  /** The identity authority the tests' jobs trust. */
  public static final IdentityAuthority AUTHORITY =
      new IdentityAuthority("test-authority", AgentKey.fromSeed("test-authority".hashCode()));

  private TestRecords() {}

  public static Claim.Builder claim(String agent, String proposition, long eventTime, double yes) {
    return Claim.newBuilder()
        .setClaimId(agent + "@" + proposition + "@" + eventTime)
        .setAgentId(agent)
        .setPropositionId(proposition)
        .setDomain("traffic/london")
        .setOutcomes(List.of("no", "yes"))
        .setProbabilities(List.of(1 - yes, yes))
        .setEventTime(Instant.ofEpochMilli(eventTime));
  }

  /**
   * Makes a job run as {@link #NETWORK} and trust {@link #AUTHORITY}'s registrations and {@link
   * ScriptedWorld#RESOLVER}.
   */
  public static void trustTheTestAuthorities(Configuration options) {
    options.set(BeliefJobOptions.NETWORK_ID, NETWORK);
    options.set(BeliefJobOptions.IDENTITY_AUTHORITIES, List.of(AUTHORITY.trustEntry()));
    options.set(BeliefJobOptions.RESOLVERS, List.of(ScriptedWorld.RESOLVER));
  }

  /** The registration of {@code agent} with its key, issued by {@link #AUTHORITY}. */
  public static AgentIdentity agent(String agent, IdentityTier tier, long registeredAt) {
    return AUTHORITY.sign(
        NETWORK,
        AgentIdentity.newBuilder()
            .setAgentId(agent)
            .setPublicKey(key(agent).publicKey())
            .setTier(tier)
            .setController("controller-of-" + agent)
            .setStake(0.0)
            .setRegisteredAt(Instant.ofEpochMilli(registeredAt))
            .build());
  }

  public static Outcome outcome(String proposition, String label, long observedAt) {
    return Outcome.newBuilder()
        .setOutcomeId("outcome@" + proposition + "@" + observedAt)
        .setPropositionId(proposition)
        .setDomain("traffic/london")
        .setOutcome(label)
        .setResolverId("inspector")
        .setObservedAt(Instant.ofEpochMilli(observedAt))
        .build();
  }

  /** The key of agent or resolver {@code id}. */
  public static AgentKey key(String id) {
    return AgentKey.fromSeed(id.hashCode());
  }

  /** The claim, signed by its agent's key. */
  public static Claim signed(Claim.Builder claim) {
    Claim built = claim.build();
    return key(built.getAgentId()).sign(NETWORK, built);
  }

  /** The outcome, signed by its resolver's key. */
  public static Outcome signed(Outcome outcome) {
    return key(outcome.getResolverId()).sign(NETWORK, outcome);
  }

  /** A raw record at {@code offset} of partition 0 of {@code topic}, with no bytes. */
  public static KafkaInput input(String topic, long offset, long timestamp) {
    return new KafkaInput(topic, 0, offset, timestamp, null, new byte[0]);
  }
}
