package io.beliefnet.pipeline;

import io.beliefnet.avro.AgentReliability;
import io.beliefnet.avro.Belief;
import io.beliefnet.avro.EvidenceRequest;
import io.beliefnet.avro.Feedback;
import io.beliefnet.avro.Rejected;
import io.beliefnet.avro.Settlement;
import org.apache.flink.api.connector.sink2.Sink;

/**
 * Where the job writes its outputs (Kafka in production, see {@code KafkaBeliefJob}; collecting
 * sinks in tests) and its feedback (always Kafka, read back by {@link JobSources#feedback()}).
 */
public record JobSinks(
    Sink<Belief> beliefs,
    Sink<AgentReliability> reliabilities,
    Sink<Settlement> settlements,
    Sink<EvidenceRequest> evidenceRequests,
    Sink<Rejected> rejected,
    Sink<Feedback> feedback) {}
