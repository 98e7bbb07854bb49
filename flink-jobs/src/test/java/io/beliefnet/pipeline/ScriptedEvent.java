package io.beliefnet.pipeline;

import io.beliefnet.topics.Topic;
import org.apache.avro.specific.SpecificRecord;

/** One record of a test script: what to produce where, with its event time as Kafka timestamp. */
record ScriptedEvent(Topic topic, String key, SpecificRecord value, long timestamp) {}
