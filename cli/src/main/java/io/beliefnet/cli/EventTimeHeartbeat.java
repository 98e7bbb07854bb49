package io.beliefnet.cli;

import io.beliefnet.avro.IdentityTier;
import io.beliefnet.sdk.Agent;
import io.beliefnet.sdk.AgentRegistration;
import io.beliefnet.sdk.BeliefClient;
import io.beliefnet.sdk.ClaimRequest;
import io.beliefnet.signing.AgentKey;
import io.beliefnet.topics.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import org.apache.kafka.common.utils.Utils;

/**
 * Moves the job's event time on. The job applies an event once event time has passed it on every
 * busy partition of its inputs, so the last events of a stream that stops wait for later records. A
 * beat is valid traffic in a domain of its own: on every partition of {@code claims} and {@code
 * outcomes}, a claim by the heartbeat agent on a new proposition, resolved at once by a resolver
 * the job trusts.
 */
final class EventTimeHeartbeat {

  static final String AGENT = "event-time-heartbeat";
  private static final List<String> OUTCOMES = List.of("beat", "skip");

  private final Agent agent;
  private final Agent resolver;
  private final String domain;
  private final int claimPartitions;
  private final int outcomePartitions;
  private int beats;

  private EventTimeHeartbeat(BeliefClient client, Agent agent, Agent resolver, String domain) {
    this.agent = agent;
    this.resolver = resolver;
    this.domain = domain;
    this.claimPartitions = client.partitionCount(Topic.CLAIMS);
    this.outcomePartitions = client.partitionCount(Topic.OUTCOMES);
  }

  /**
   * Registers the heartbeat agent (its key is derived from its id: anyone may beat) as of {@code
   * at}.
   */
  static EventTimeHeartbeat register(
      BeliefClient client, Agent resolver, String domain, Instant at) {
    AgentKey key = AgentKey.fromSeed(AGENT.hashCode());
    client.register(new AgentRegistration(AGENT, AGENT, IdentityTier.VERIFIED, 0, at), key);
    return new EventTimeHeartbeat(client, client.agent(AGENT, key), resolver, domain);
  }

  /** Sends one beat stamped {@code at}; returns once the broker has it. */
  void beat(Instant at) {
    BitSet claimsHit = new BitSet(claimPartitions);
    BitSet outcomesHit = new BitSet(outcomePartitions);
    beats++;
    for (int n = 0;
        claimsHit.cardinality() < claimPartitions || outcomesHit.cardinality() < outcomePartitions;
        n++) {
      String proposition = domain + "/" + beats + "-" + n;
      int hash = Utils.toPositive(Utils.murmur2(proposition.getBytes(StandardCharsets.UTF_8)));
      // the producer's partition for the key: keep only propositions that reach a partition not yet
      // beaten
      if (claimsHit.get(hash % claimPartitions) && outcomesHit.get(hash % outcomePartitions)) {
        continue;
      }
      claimsHit.set(hash % claimPartitions);
      outcomesHit.set(hash % outcomePartitions);
      agent.claim(
          ClaimRequest.on(proposition, domain).outcomes(OUTCOMES).label("beat").eventTime(at));
      resolver.resolve(proposition, domain, "beat", at);
    }
  }
}
