package io.beliefnet.sdk;

import io.beliefnet.avro.AgentIdentity;
import io.beliefnet.registry.AvroWireSerializer;
import io.beliefnet.registry.HttpSchemaRegistryClient;
import io.beliefnet.registry.SchemaRegistryClient;
import io.beliefnet.registry.WireFormatException;
import io.beliefnet.signing.AgentKey;
import io.beliefnet.signing.CanonicalEncoding;
import io.beliefnet.signing.IdentityAuthority;
import io.beliefnet.topics.Topic;
import io.beliefnet.topics.TopicNames;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A connection to the belief network for agents, resolvers and consumers: registers identities
 * ({@link #register}), publishes signed claims and outcomes through an {@link Agent}, and follows
 * beliefs as a live table ({@link #subscribeBeliefs}). Values are Avro in the Confluent wire
 * format, their schemas registered in the schema registry on first use.
 *
 * <p>Writes are idempotent with {@code acks=all}: a record acknowledged is on every in-sync
 * replica, and retries never duplicate it. Failures are {@link BeliefClientException}s that say
 * what could not be reached or was refused. Thread-safe; closing it waits for what is pending.
 *
 * <pre>{@code
 * try (BeliefClient client = BeliefClient.builder("kafka:9092", "http://registry:8081").build()) {
 *   AgentKey key = AgentKey.load(Path.of("agent-7.key"));
 *   client.agent("agent-7", key).claim(
 *       ClaimRequest.on("bridge-12-status", "traffic/london").outcomes(List.of("open", "closed"))
 *           .probabilities(List.of(0.2, 0.8)));
 * }
 * }</pre>
 */
public final class BeliefClient implements AutoCloseable {

  /** How long a synchronous call waits for the broker's acknowledgement. */
  private static final Duration ACKNOWLEDGEMENT_TIMEOUT = Duration.ofSeconds(40);

  private final String bootstrapServers;
  private final String registryUrl;
  private final String network;
  private final Map<String, Object> kafkaProperties;
  private final TopicNames topics;
  private final AvroWireSerializer<SpecificRecord> serializer;
  private final Producer<String, byte[]> producer;

  private BeliefClient(Builder builder, Producer<String, byte[]> producer) {
    this.bootstrapServers = builder.bootstrapServers;
    this.registryUrl = builder.registryUrl;
    this.network = builder.network;
    this.kafkaProperties = Map.copyOf(builder.kafkaProperties);
    this.topics = builder.topics;
    SchemaRegistryClient registry = HttpSchemaRegistryClient.connect(registryUrl);
    this.serializer = new AvroWireSerializer<>(registry);
    this.producer = producer;
  }

  /** A client of the network whose broker and schema registry are at these addresses. */
  public static Builder builder(String bootstrapServers, String registryUrl) {
    return new Builder(bootstrapServers, registryUrl);
  }

  /** Settings of a {@link BeliefClient}. */
  public static final class Builder {
    private final String bootstrapServers;
    private final String registryUrl;
    private final Map<String, Object> kafkaProperties = new HashMap<>();
    private TopicNames topics = TopicNames.defaults();
    private String network = CanonicalEncoding.DEFAULT_NETWORK;

    private Builder(String bootstrapServers, String registryUrl) {
      if (bootstrapServers == null || bootstrapServers.isBlank()) {
        throw new IllegalArgumentException(
            "bootstrap servers are missing: give host:port of a Kafka broker");
      }
      if (registryUrl == null || !registryUrl.matches("https?://.+")) {
        throw new IllegalArgumentException(
            "schema registry URL is '" + registryUrl + "': give an http(s):// URL");
      }
      this.bootstrapServers = bootstrapServers;
      this.registryUrl = registryUrl;
    }

    /**
     * Kafka client settings for both producing and consuming, e.g. {@code security.protocol},
     * {@code sasl.*}, {@code ssl.*}; they override the client's defaults. Bootstrap servers,
     * serializers and the consumer's {@code read_committed} isolation are the client's own.
     */
    public Builder kafkaProperties(Map<String, ?> properties) {
      kafkaProperties.putAll(properties);
      return this;
    }

    /**
     * The id of the belief network, which every signature covers: the job's {@code network.id}
     * ({@value CanonicalEncoding#DEFAULT_NETWORK} unless its operator set one).
     */
    public Builder network(String id) {
      this.network = Ids.require("network id", id);
      return this;
    }

    /** The topics' names on the cluster, where they are not the defaults. */
    public Builder topicNames(TopicNames names) {
      this.topics = names;
      return this;
    }

    public BeliefClient build() {
      return build(
          new KafkaProducer<>(producerConfig(), new StringSerializer(), new ByteArraySerializer()));
    }

    /** The client, publishing through {@code producer}: lets tests see what it sends. */
    BeliefClient build(Producer<String, byte[]> producer) {
      return new BeliefClient(this, producer);
    }

    private Map<String, Object> producerConfig() {
      Map<String, Object> config = new HashMap<>();
      config.put(ProducerConfig.ACKS_CONFIG, "all");
      config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
      config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
      // an unreachable broker is reported within seconds, not after Kafka's default minute
      config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
      config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
      config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
      config.putAll(kafkaProperties);
      config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
      return config;
    }
  }

  /**
   * Issues {@code registration} as {@code authority}: publishes it with the agent's {@code
   * publicKey}, signed by the authority, on the {@code agents} topic, and returns it once
   * acknowledged. From then on the job accepts claims signed with the key, if it trusts the
   * authority ({@code trust.identity-authorities}). Issuing a newer registration with another key
   * rotates the key.
   */
  public AgentIdentity issue(
      AgentRegistration registration, ByteBuffer publicKey, IdentityAuthority authority) {
    return publish(registration, publicKey, authority, false);
  }

  /**
   * Revokes the agent's key as {@code authority}: the job rejects its claims until a newer
   * registration issues another key, and withdraws what the key signed from open beliefs.
   */
  public AgentIdentity revoke(
      AgentRegistration registration, ByteBuffer publicKey, IdentityAuthority authority) {
    return publish(registration, publicKey, authority, true);
  }

  private AgentIdentity publish(
      AgentRegistration registration,
      ByteBuffer publicKey,
      IdentityAuthority authority,
      boolean revoked) {
    AgentIdentity identity =
        authority.sign(
            network,
            AgentIdentity.newBuilder()
                .setAgentId(registration.agentId())
                .setPublicKey(publicKey)
                .setTier(registration.tier())
                .setController(registration.controller())
                .setStake(registration.stake())
                .setRegisteredAt(
                    registration.registeredAt() == null ? now() : registration.registeredAt())
                .setRevoked(revoked)
                .build());
    String what =
        (revoked ? "the revocation of agent " : "the registration of agent ")
            + registration.agentId();
    return await(
        send(Topic.AGENTS, identity.getAgentId(), identity, identity.getRegisteredAt(), what)
            .thenApply(sent -> identity),
        what);
  }

  /** The agent (or resolver) {@code agentId}, signing with {@code key}, which it registered. */
  public Agent agent(String agentId, AgentKey key) {
    return new Agent(this, Ids.requireKeyPart("agent id", agentId), key);
  }

  /**
   * A live table of the latest belief per proposition, filled from the start of the {@code beliefs}
   * topic and kept current until closed. Only committed beliefs are read.
   */
  public BeliefTable subscribeBeliefs() {
    return BeliefTable.follow(
        consumer(),
        topics.of(Topic.BELIEFS),
        HttpSchemaRegistryClient.connect(registryUrl),
        bootstrapServers);
  }

  /** The id of the belief network its records are signed for. */
  String network() {
    return network;
  }

  /**
   * The evidence requests the network makes of agent {@code agentId}, as they arrive: the job asks
   * the agents whose next claim would most reduce an uncertain belief's expected loss. Close it
   * when done.
   */
  public EvidenceRequests subscribeRequests(String agentId) {
    return EvidenceRequests.follow(
        consumer(),
        topics.of(Topic.EVIDENCE_REQUESTS),
        HttpSchemaRegistryClient.connect(registryUrl),
        Ids.requireKeyPart("agent id", agentId),
        Clock.systemUTC());
  }

  Instant now() {
    return Instant.now();
  }

  /**
   * Sends {@code value} to {@code topic} with {@code timestamp} as its Kafka timestamp, which the
   * job takes as its event time. Completes when the broker acknowledges it.
   */
  CompletableFuture<RecordMetadata> send(
      Topic topic, String key, SpecificRecord value, Instant timestamp, String what) {
    byte[] bytes = encode(topic, value, what);
    CompletableFuture<RecordMetadata> acknowledged = new CompletableFuture<>();
    try {
      producer.send(
          new ProducerRecord<>(topics.of(topic), null, timestamp.toEpochMilli(), key, bytes),
          (metadata, failure) -> {
            if (failure == null) {
              acknowledged.complete(metadata);
            } else {
              acknowledged.completeExceptionally(refused(what, topic, failure));
            }
          });
    } catch (KafkaException e) {
      throw refused(what, topic, e);
    }
    return acknowledged;
  }

  /**
   * The result of {@code pending}, or the failure it ended in as a {@link BeliefClientException}.
   */
  <T> T await(CompletableFuture<T> pending, String what) {
    try {
      return pending.get(ACKNOWLEDGEMENT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof BeliefClientException failure
          ? failure
          : new BeliefClientException(
              "could not publish " + what + ": " + e.getCause(), e.getCause());
    } catch (java.util.concurrent.TimeoutException e) {
      throw new BeliefClientException(
          "Kafka at "
              + bootstrapServers
              + " did not acknowledge "
              + what
              + " within "
              + ACKNOWLEDGEMENT_TIMEOUT.toSeconds()
              + " s; check that the broker is running and reachable");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BeliefClientException("interrupted while publishing " + what, e);
    }
  }

  private byte[] encode(Topic topic, SpecificRecord value, String what) {
    try {
      synchronized (serializer) {
        return serializer.serialize(topics.of(topic), value);
      }
    } catch (WireFormatException e) {
      throw new BeliefClientException("could not encode " + what + ": " + e.getMessage(), e);
    }
  }

  private BeliefClientException refused(String what, Topic topic, Throwable failure) {
    if (failure instanceof TimeoutException) {
      return unreachable(what, failure);
    }
    return new BeliefClientException(
        "Kafka at "
            + bootstrapServers
            + " refused "
            + what
            + " on topic "
            + topics.of(topic)
            + ": "
            + failure.getMessage()
            + "; check that this client may write the topic (ACLs, security settings)",
        failure);
  }

  private BeliefClientException unreachable(String what, Throwable failure) {
    return new BeliefClientException(
        "Kafka at "
            + bootstrapServers
            + " did not answer in time for "
            + what
            + " ("
            + failure.getMessage()
            + "); check that the broker is running, the address is right and the security settings match",
        failure);
  }

  private KafkaConsumer<String, byte[]> consumer() {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
    config.putAll(kafkaProperties);
    config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
  }

  @Override
  public void close() {
    producer.close();
  }
}
