package io.beliefnet.pipeline;

import org.apache.flink.api.connector.source.Source;

/**
 * Where the job reads its inputs from: the decoded records of the three input topics (Kafka in
 * production, see {@code KafkaBeliefJob}; in-memory sources in tests), and its own feedback topic
 * (always Kafka: the loop from proposition-keyed to agent-keyed state).
 */
public record JobSources(
    Source<InputEvent, ?, ?> claims,
    Source<InputEvent, ?, ?> outcomes,
    Source<InputEvent, ?, ?> agents,
    Source<InputEvent, ?, ?> feedback) {}
