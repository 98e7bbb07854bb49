package io.beliefnet.pipeline;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * A sink that keeps what it is given in this JVM, where a MiniCluster runs the job, for the test to
 * read once the job has finished.
 */
final class CollectingSink<T> implements Sink<T> {
  private static final Map<String, Queue<Object>> COLLECTED = new ConcurrentHashMap<>();

  private final String id = UUID.randomUUID().toString();

  CollectingSink() {
    COLLECTED.put(id, new ConcurrentLinkedQueue<>());
  }

  /** Everything written so far, in the order the writers wrote it. */
  @SuppressWarnings("unchecked")
  List<T> collected() {
    return (List<T>) List.copyOf(COLLECTED.get(id));
  }

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) {
    Queue<Object> queue = COLLECTED.get(id);
    return new SinkWriter<>() {
      @Override
      public void write(T element, Context context) {
        queue.add(element);
      }

      @Override
      public void flush(boolean endOfInput) {}

      @Override
      public void close() {}
    };
  }
}
