package io.beliefnet.dashboard;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One page's server-sent event stream: frames wait in a bounded queue so that the thread reading
 * the topics never blocks on a slow page. A page that falls {@link #CAPACITY} frames behind is cut
 * off; its browser reconnects and starts again from a fresh snapshot.
 */
final class SseClient {

  static final int CAPACITY = 10_000;

  /** A comment line: keeps the connection from idling out and detects a page that went away. */
  static final String KEEP_ALIVE = ": keep-alive\n\n";

  private final BlockingQueue<String> frames = new ArrayBlockingQueue<>(CAPACITY);
  private volatile boolean cutOff;

  /** The text/event-stream frame of an event: its name, then its data, one line per line. */
  static String frame(DashboardEvent event) {
    StringBuilder frame = new StringBuilder("event: ").append(event.name()).append('\n');
    for (String line : Json.write(event.data()).split("\n", -1)) {
      frame.append("data: ").append(line).append('\n');
    }
    return frame.append('\n').toString();
  }

  /** Queues a frame; false (and cut off) if the page is too far behind. */
  boolean offer(String frame) {
    if (!frames.offer(frame)) {
      cutOff = true;
    }
    return !cutOff;
  }

  /** The next frame to write, or {@link #KEEP_ALIVE} after {@code idle} without one. */
  String next(Duration idle) throws InterruptedException {
    String frame = frames.poll(idle.toMillis(), TimeUnit.MILLISECONDS);
    return frame == null ? KEEP_ALIVE : frame;
  }

  boolean cutOff() {
    return cutOff;
  }
}
