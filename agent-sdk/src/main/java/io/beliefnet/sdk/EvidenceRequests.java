package io.beliefnet.sdk;

import io.beliefnet.avro.EvidenceRequest;
import io.beliefnet.registry.AvroRecordDecoder;
import io.beliefnet.registry.SchemaRegistryClient;
import io.beliefnet.registry.WireFormatException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.utils.Utils;

/**
 * The evidence requests the network makes of one agent, read by a thread from the {@code
 * evidence-requests} topic (committed records only): only the partition the agent's key lands on,
 * from its start, skipping requests that have expired. Each request is handed to the listeners of
 * {@link #onRequest} once, on that thread; answer with a claim on the requested proposition. Close
 * it to stop the thread.
 */
public final class EvidenceRequests implements AutoCloseable {

  private static final Duration POLL = Duration.ofMillis(200);

  private final String agentId;
  private final KafkaConsumer<String, byte[]> consumer;
  private final AvroRecordDecoder<EvidenceRequest> decoder;
  private final Clock clock;
  private final List<Consumer<EvidenceRequest>> listeners = new CopyOnWriteArrayList<>();
  private final List<EvidenceRequest> open = new CopyOnWriteArrayList<>();
  private final Thread reader;
  private volatile boolean closed;

  private EvidenceRequests(
      String agentId,
      KafkaConsumer<String, byte[]> consumer,
      SchemaRegistryClient registry,
      Clock clock) {
    this.agentId = agentId;
    this.consumer = consumer;
    this.decoder = new AvroRecordDecoder<>(registry, EvidenceRequest.class);
    this.clock = clock;
    this.reader = new Thread(this::read, "evidence-requests-" + agentId);
    reader.setDaemon(true);
  }

  /** Starts reading {@code agentId}'s requests on {@code topic}. */
  static EvidenceRequests follow(
      KafkaConsumer<String, byte[]> consumer,
      String topic,
      SchemaRegistryClient registry,
      String agentId,
      Clock clock) {
    int partitions;
    try {
      partitions = consumer.partitionsFor(topic).size();
    } catch (KafkaException | NullPointerException e) {
      consumer.close();
      throw new BeliefClientException(
          "could not find topic " + topic + " (" + e + "); is the job's version one that asks?", e);
    }
    // the partition a keyed record lands on under Kafka's default partitioner
    byte[] key = agentId.getBytes(StandardCharsets.UTF_8);
    TopicPartition partition =
        new TopicPartition(topic, Utils.toPositive(Utils.murmur2(key)) % partitions);
    consumer.assign(List.of(partition));
    consumer.seekToBeginning(List.of(partition));
    EvidenceRequests requests = new EvidenceRequests(agentId, consumer, registry, clock);
    requests.reader.start();
    return requests;
  }

  /** Calls {@code listener} with every unexpired request read from now on, on the reader thread. */
  public void onRequest(Consumer<EvidenceRequest> listener) {
    listeners.add(listener);
  }

  /** The requests read so far that have not expired. */
  public List<EvidenceRequest> open() {
    long now = clock.millis();
    List<EvidenceRequest> standing = new ArrayList<>();
    for (EvidenceRequest request : open) {
      if (request.getExpiresAt().toEpochMilli() > now) {
        standing.add(request);
      }
    }
    return standing;
  }

  private void read() {
    try {
      while (!closed) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
          take(record);
        }
      }
    } catch (WakeupException closing) {
      // close() interrupts the poll
    } finally {
      consumer.close();
    }
  }

  private void take(ConsumerRecord<String, byte[]> record) {
    if (!agentId.equals(record.key()) || record.value() == null) {
      return; // another agent's request on the same partition
    }
    EvidenceRequest request;
    try {
      request = decoder.decode(record.value());
    } catch (WireFormatException e) {
      return; // the job writes only requests: anything else is no request to answer
    }
    if (request.getExpiresAt().toEpochMilli() <= clock.millis()) {
      return;
    }
    open.removeIf(r -> r.getExpiresAt().toEpochMilli() <= clock.millis());
    open.add(request);
    listeners.forEach(listener -> listener.accept(request));
  }

  @Override
  public void close() {
    closed = true;
    consumer.wakeup();
    try {
      reader.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
