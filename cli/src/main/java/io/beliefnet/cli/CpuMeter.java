package io.beliefnet.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * How many cores a measured span kept busy, from CPU time read at its start and at its end: this
 * process (the embedded cluster, and the bench's own producer and reader), the JIT compiler's
 * threads within it, and the broker's process. On a machine shared by all three, it says how much
 * of the machine the job had.
 */
final class CpuMeter {
  private final Supplier<Duration> brokerCpuTime;
  private final long startNanos;
  private final long processStart;
  private final long compilingStart;
  private final Duration brokerStart;

  private CpuMeter(Supplier<Duration> brokerCpuTime) {
    this.brokerCpuTime = brokerCpuTime;
    startNanos = System.nanoTime();
    processStart = processCpuNanos();
    compilingStart = compilerCpuNanos();
    brokerStart = brokerCpuTime.get();
  }

  /** Starts measuring now, with the broker's CPU time read from {@code brokerCpuTime}. */
  static CpuMeter start(Supplier<Duration> brokerCpuTime) {
    return new CpuMeter(brokerCpuTime);
  }

  /**
   * {@code cores_process=… cores_compiling=… cores_broker=…}, averaged from the start to now; the
   * compiler's share only where the threads' CPU times can be read (Linux), else left out.
   */
  String cores() {
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    long compiling = compilerCpuNanos();
    return String.format(
        Locale.ROOT,
        "cores_process=%.2f%s cores_broker=%.2f",
        (processCpuNanos() - processStart) / 1e9 / seconds,
        compiling < 0 || compilingStart < 0
            ? ""
            : String.format(
                Locale.ROOT, " cores_compiling=%.2f", (compiling - compilingStart) / 1e9 / seconds),
        brokerCpuTime.get().minus(brokerStart).toNanos() / 1e9 / seconds);
  }

  /** CPU time this process has used, in nanoseconds. */
  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /**
   * CPU time of this process's JIT compiler threads, from {@code /proc/self/task}; -1 where there
   * is none. (The JVM's own compilation time counts the wall time of each compilation, which on a
   * busy machine is several times the CPU the compiler got.) Linux counts in ticks of 10 ms.
   */
  private static long compilerCpuNanos() {
    Path threads = Path.of("/proc/self/task");
    if (!Files.isDirectory(threads)) {
      return -1;
    }
    long ticks = 0;
    try (DirectoryStream<Path> each = Files.newDirectoryStream(threads)) {
      for (Path thread : each) {
        ticks += compilerTicks(thread);
      }
    } catch (IOException unreadable) {
      return -1;
    }
    return ticks * 10_000_000L;
  }

  /** User and system ticks of {@code thread} if it is a compiler thread; 0 if not, or if gone. */
  private static long compilerTicks(Path thread) {
    try {
      if (!Files.readString(thread.resolve("comm")).contains("CompilerThre")) {
        return 0;
      }
      String stat = Files.readString(thread.resolve("stat"));
      // fields after the parenthesised name start at the third; utime and stime are the 14th, 15th
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    } catch (IOException | RuntimeException ended) {
      return 0;
    }
  }
}
