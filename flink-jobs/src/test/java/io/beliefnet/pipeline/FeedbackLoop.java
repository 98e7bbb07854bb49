package io.beliefnet.pipeline;

import io.beliefnet.avro.AgentReliability;
import io.beliefnet.avro.Belief;
import io.beliefnet.avro.EvidenceRequest;
import io.beliefnet.avro.Feedback;
import io.beliefnet.avro.Rejected;
import io.beliefnet.avro.Settlement;
import io.beliefnet.kafka.KafkaBroker;
import io.beliefnet.kafka.NetworkTopics;
import io.beliefnet.pipeline.kafka.AvroKafkaSerializer;
import io.beliefnet.registry.DevSchemaRegistryServer;
import io.beliefnet.topics.Topic;
import java.nio.file.Path;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;

/**
 * A broker of its own and a development registry for a job fed from memory: the job's feedback
 * topic lives there, since the loop from proposition-keyed to agent-keyed state always runs through
 * Kafka. Its topics keep their default names, so a savepoint taken on one loop restores onto
 * another.
 */
final class FeedbackLoop implements AutoCloseable {
  private final KafkaBroker broker;
  private final DevSchemaRegistryServer registry;
  private final BeliefJobConfig config;

  private FeedbackLoop(KafkaBroker broker, DevSchemaRegistryServer registry) {
    this.broker = broker;
    this.registry = registry;
    Configuration options = new Configuration();
    options.set(BeliefJobOptions.BOOTSTRAP_SERVERS, broker.bootstrapServers());
    options.set(BeliefJobOptions.SCHEMA_REGISTRY_URL, registry.url());
    TestRecords.trustTheTestAuthorities(options);
    this.config = BeliefJobConfig.from(options);
  }

  /** Starts a broker with its state in {@code dir}, its topics, and a registry. */
  static FeedbackLoop start(Path dir) {
    KafkaBroker broker = KafkaBroker.start(dir, 0);
    NetworkTopics.create(broker.bootstrapServers(), 2);
    return new FeedbackLoop(broker, DevSchemaRegistryServer.start(0));
  }

  /** The job's settings: this loop's broker and registry; the scripted world's resolver. */
  BeliefJobConfig config() {
    return config;
  }

  /**
   * Sinks that collect beliefs in memory, discard the other outputs and write the feedback at least
   * once: a savepoint of an exactly-once sink holds transactions open on the broker it ran on,
   * which no other broker can commit, and a fixture's savepoint is restored onto another one.
   */
  JobSinks sinks(CollectingSink<Belief> beliefs) {
    return new JobSinks(
        beliefs,
        new CollectingSink<AgentReliability>(),
        new CollectingSink<Settlement>(),
        new CollectingSink<EvidenceRequest>(),
        new CollectingSink<Rejected>(),
        KafkaSink.<Feedback>builder()
            .setBootstrapServers(broker.bootstrapServers())
            .setRecordSerializer(
                new AvroKafkaSerializer<>(
                    config.topic(Topic.MODEL_FEEDBACK),
                    Feedback.class,
                    Feedback::getDomain,
                    registry.url()))
            .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
            .build());
  }

  @Override
  public void close() {
    registry.close();
    broker.close();
  }
}
