package io.beliefnet.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How many cores a measured span kept busy, from CPU time read at its start and at its end: this
 * process (the embedded cluster, and the bench's own producer and reader), the threads of the job's
 * tasks within it (its stages, where its records are processed), its JIT compiler's threads, and
 * the broker's process. On a machine shared by all of them, it says how much of the machine the job
 * had.
 */
final class CpuMeter {
  /** Linux counts CPU time in ticks of 10 ms (USER_HZ, 100 on every common build). */
  private static final long NANOS_PER_TICK = 10_000_000L;

  /** The thread group Flink runs the thread of each of its tasks in. */
  private static final String TASK_THREADS = "Flink Task Threads";

  private final Supplier<Duration> brokerCpuTime;
  private final long startNanos;
  private final long processStart;
  private final Map<Long, Long> tasksStart;
  private final Map<String, Long> compilingStart;
  private final Duration brokerStart;

  private CpuMeter(Supplier<Duration> brokerCpuTime) {
    this.brokerCpuTime = brokerCpuTime;
    startNanos = System.nanoTime();
    processStart = processCpuNanos();
    tasksStart = taskThreadsCpuNanos();
    compilingStart = compilerTicks();
    brokerStart = brokerCpuTime.get();
  }

  /** Starts measuring now, with the broker's CPU time read from {@code brokerCpuTime}. */
  static CpuMeter start(Supplier<Duration> brokerCpuTime) {
    return new CpuMeter(brokerCpuTime);
  }

  /**
   * {@code cores_process=… cores_tasks=… cores_compiling=… cores_broker=…}, averaged from the start
   * to now; the compiler's share only where its threads' CPU times can be read (Linux), else left
   * out.
   */
  String cores() {
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    Map<String, Long> compilingNow = compilerTicks();
    return String.format(
        Locale.ROOT,
        "cores_process=%.2f cores_tasks=%.2f%s cores_broker=%.2f",
        processNanos() / 1e9 / seconds,
        taskNanos() / 1e9 / seconds,
        compilingStart == null || compilingNow == null
            ? ""
            : String.format(
                Locale.ROOT,
                " cores_compiling=%.2f",
                usedSince(compilingStart, compilingNow) * NANOS_PER_TICK / 1e9 / seconds),
        Math.max(0, brokerCpuTime.get().minus(brokerStart).toNanos()) / 1e9 / seconds);
  }

  /** CPU time this process has used since the start, in nanoseconds. */
  long processNanos() {
    return processCpuNanos() - processStart;
  }

  /** CPU time the threads of Flink's tasks have used since the start, in nanoseconds. */
  long taskNanos() {
    return usedSince(tasksStart, taskThreadsCpuNanos());
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /**
   * CPU time, in nanoseconds, each thread of a Flink task in this process has used, by thread id:
   * the threads that run the job's operators, without the JVM's, the cluster's own or a client's.
   */
  private static Map<Long, Long> taskThreadsCpuNanos() {
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    Map<Long, Long> used = new HashMap<>();
    for (Thread thread : threadsOf(TASK_THREADS)) {
      long nanos = cpu.getThreadCpuTime(thread.getId());
      if (nanos >= 0) { // -1 once it has ended
        used.put(thread.getId(), nanos);
      }
    }
    return used;
  }

  /** The live threads of this JVM's thread groups named {@code name}. */
  private static List<Thread> threadsOf(String name) {
    ThreadGroup root = Thread.currentThread().getThreadGroup();
    while (root.getParent() != null) {
      root = root.getParent();
    }
    ThreadGroup[] groups = new ThreadGroup[root.activeGroupCount() + 16];
    int count = root.enumerate(groups);
    List<Thread> threads = new ArrayList<>();
    for (int g = 0; g < count; g++) {
      if (groups[g].getName().equals(name)) {
        Thread[] members = new Thread[groups[g].activeCount() + 16];
        threads.addAll(Arrays.asList(members).subList(0, groups[g].enumerate(members, false)));
      }
    }
    return threads;
  }

  /**
   * Ticks of CPU each of this process's JIT compiler threads has used, by thread id, from {@code
   * /proc/self/task}; null where there is none. (The JVM's own compilation time counts the wall
   * time of each compilation, which on a busy machine is several times the CPU the compiler got.)
   */
  private static Map<String, Long> compilerTicks() {
    Path threads = Path.of("/proc/self/task");
    if (!Files.isDirectory(threads)) {
      return null;
    }
    Map<String, Long> ticks = new HashMap<>();
    try (DirectoryStream<Path> each = Files.newDirectoryStream(threads)) {
      for (Path thread : each) {
        compilerThreadTicks(thread).ifPresent(t -> ticks.put(thread.getFileName().toString(), t));
      }
    } catch (IOException | RuntimeException unreadable) {
      return null;
    }
    return ticks;
  }

  /**
   * The CPU the threads alive now used since {@code start}, from each one's CPU then and now: one
   * started since counts from zero; one that has ended since is not counted (the JVM adds and
   * removes compiler threads with the load on machines of more cores; a task's thread ends with its
   * job).
   */
  private static <K> long usedSince(Map<K, Long> start, Map<K, Long> now) {
    long used = 0;
    for (Map.Entry<K, Long> thread : now.entrySet()) {
      used += Math.max(0, thread.getValue() - start.getOrDefault(thread.getKey(), 0L));
    }
    return used;
  }

  /** User and system ticks of {@code thread} if it is a compiler thread; empty if not, or gone. */
  private static Optional<Long> compilerThreadTicks(Path thread) {
    try {
      if (!Files.readString(thread.resolve("comm")).contains("CompilerThre")) {
        return Optional.empty();
      }
      return Optional.of(cpuTicks(Files.readString(thread.resolve("stat"))));
    } catch (IOException | RuntimeException ended) {
      return Optional.empty();
    }
  }

  /** User plus system ticks from a {@code /proc} stat line, whose name may hold spaces or ')'. */
  static long cpuTicks(String stat) {
    // fields after the parenthesised name start at the 3rd; utime and stime are the 14th and 15th
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }
}
