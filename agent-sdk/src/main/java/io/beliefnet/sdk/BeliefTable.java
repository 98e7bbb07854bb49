package io.beliefnet.sdk;

import io.beliefnet.avro.Belief;
import io.beliefnet.ids.IdRules;
import io.beliefnet.registry.AvroRecordDecoder;
import io.beliefnet.registry.SchemaRegistryClient;
import io.beliefnet.registry.WireFormatException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * The latest belief per proposition, kept current by a thread that reads the {@code beliefs} topic
 * (committed records only) from its start. Since the topic is keyed by proposition, the last record
 * of a key is its current belief. Thread-safe: read it from any thread, wait for a belief with
 * {@link #await}, or be told of each update with {@link #onUpdate}. Close it to stop the thread.
 */
public final class BeliefTable implements AutoCloseable {

  private static final Duration POLL = Duration.ofMillis(200);

  private final Map<String, Belief> latest = new ConcurrentHashMap<>();
  private final List<Consumer<Belief>> listeners = new CopyOnWriteArrayList<>();
  private final Object changed = new Object();

  /** Numbered requests to catch up with the topic's end; {@link #caughtUp} is the last served. */
  private final AtomicLong catchUpRequests = new AtomicLong();

  private volatile long caughtUp;
  private volatile BeliefClientException failure;
  private volatile boolean closed;
  private final String topic;
  private final KafkaConsumer<String, byte[]> consumer;
  private final List<TopicPartition> partitions;
  private final AvroRecordDecoder<Belief> decoder;
  private final Thread reader;

  /** A table that no thread feeds: {@link #apply} fills it. */
  BeliefTable(String topic) {
    this.topic = topic;
    this.consumer = null;
    this.partitions = List.of();
    this.decoder = null;
    this.reader = null;
  }

  private BeliefTable(
      String topic,
      KafkaConsumer<String, byte[]> consumer,
      List<TopicPartition> partitions,
      SchemaRegistryClient registry) {
    this.topic = topic;
    this.consumer = consumer;
    this.partitions = partitions;
    this.decoder = new AvroRecordDecoder<>(registry, Belief.class);
    this.reader = new Thread(this::read, "belief-table-" + topic);
    reader.setDaemon(true);
  }

  /** Starts reading every partition of {@code topic} from the start. */
  static BeliefTable follow(
      KafkaConsumer<String, byte[]> consumer,
      String topic,
      SchemaRegistryClient registry,
      String bootstrapServers) {
    List<PartitionInfo> found;
    try {
      found = consumer.partitionsFor(topic);
    } catch (KafkaException e) {
      consumer.close();
      throw new BeliefClientException(
          "could not list the partitions of topic "
              + topic
              + " at "
              + bootstrapServers
              + " ("
              + e.getMessage()
              + "); check that the broker is running and reachable",
          e);
    }
    if (found == null || found.isEmpty()) {
      consumer.close();
      throw new BeliefClientException(
          "topic "
              + topic
              + " does not exist at "
              + bootstrapServers
              + "; is this the belief network's cluster, with its topics created?");
    }
    List<TopicPartition> partitions =
        found.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    BeliefTable table = new BeliefTable(topic, consumer, partitions, registry);
    table.reader.start();
    return table;
  }

  /** The current belief about proposition {@code propositionId} of {@code domain}, if any. */
  public Optional<Belief> get(String domain, String propositionId) {
    throwIfFailed();
    return Optional.ofNullable(latest.get(IdRules.propositionKey(domain, propositionId)));
  }

  /** Every current belief, by its key on the topic ({@code domain|propositionId}), as of now. */
  public Map<String, Belief> snapshot() {
    throwIfFailed();
    return Map.copyOf(latest);
  }

  /**
   * Calls {@code listener} with every belief the table takes in from now on, on the table's thread,
   * in topic order per proposition. A listener that throws stops the table.
   */
  public void onUpdate(Consumer<Belief> listener) {
    listeners.add(listener);
  }

  /**
   * Returns once the table holds every belief committed to the topic before this call: after it,
   * {@link #get} answers as of at least that moment.
   *
   * @throws BeliefClientException if that takes longer than {@code timeout}, or the table failed
   */
  public void awaitCurrent(Duration timeout) {
    long request = catchUpRequests.incrementAndGet();
    waitUntil(() -> caughtUp >= request, timeout, "reading topic " + topic + " up to its end");
  }

  /**
   * Waits until the belief about proposition {@code propositionId} of {@code domain} satisfies
   * {@code condition}, and returns it.
   *
   * @throws BeliefClientException if that takes longer than {@code timeout}, or the table failed
   */
  public Belief await(
      String domain, String propositionId, Predicate<Belief> condition, Duration timeout) {
    String key = IdRules.propositionKey(domain, propositionId);
    waitUntil(
        () -> latest.containsKey(key) && condition.test(latest.get(key)),
        timeout,
        "the awaited belief about " + propositionId + " in " + domain);
    return latest.get(key);
  }

  /** Takes in one belief read from the topic. */
  void apply(Belief belief) {
    latest.put(IdRules.propositionKey(belief.getDomain(), belief.getPropositionId()), belief);
    listeners.forEach(listener -> listener.accept(belief));
    signal();
  }

  private void read() {
    Map<TopicPartition, Long> target = null;
    long targetRequest = 0;
    try {
      while (!closed) {
        long requested = catchUpRequests.get();
        if (target == null && requested > caughtUp) {
          target = consumer.endOffsets(partitions);
          targetRequest = requested;
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
          take(record);
        }
        if (target != null && reached(target)) {
          caughtUp = targetRequest;
          target = null;
        }
        signal();
      }
    } catch (WakeupException closing) {
      // close() interrupts the poll
    } catch (RuntimeException e) {
      failure =
          e instanceof BeliefClientException stopped
              ? stopped
              : new BeliefClientException(
                  "the belief table stopped reading topic " + topic + ": " + e, e);
      signal();
    } finally {
      consumer.close();
    }
  }

  private void take(ConsumerRecord<String, byte[]> record) {
    if (record.value() == null) {
      latest.remove(record.key());
      return;
    }
    try {
      apply(decoder.decode(record.value()));
    } catch (WireFormatException e) {
      if (e.reason() == WireFormatException.Reason.REGISTRY_UNAVAILABLE) {
        throw new BeliefClientException(
            "the belief table cannot decode beliefs: " + e.getMessage(), e);
      }
      // bytes that are no belief are not a proposition's state: the table has nothing to update
    }
  }

  private boolean reached(Map<TopicPartition, Long> target) {
    return target.entrySet().stream()
        .allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
  }

  private void signal() {
    synchronized (changed) {
      changed.notifyAll();
    }
  }

  private void waitUntil(BooleanSupplier done, Duration timeout, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (changed) {
      while (!done.getAsBoolean()) {
        throwIfFailed();
        if (closed) {
          throw new BeliefClientException("the belief table was closed while waiting for " + what);
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new BeliefClientException(
              "timed out after " + timeout.toSeconds() + " s waiting for " + what);
        }
        try {
          changed.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new BeliefClientException("interrupted while waiting for " + what, e);
        }
      }
    }
  }

  private void throwIfFailed() {
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public void close() {
    closed = true;
    signal();
    if (reader != null) {
      consumer.wakeup();
      try {
        reader.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
