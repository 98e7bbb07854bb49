package io.beliefnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CpuMeterTest {

  private static final Pattern CORES =
      Pattern.compile(
          "cores_process=(\\S+) cores_tasks=(\\S+)( cores_compiling=(\\S+))? cores_broker=(\\S+)");

  @Test
  void countsTheCoresThisProcessAndTheBrokerUsedOverTheSpan() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    AtomicReference<Duration> broker = new AtomicReference<>(Duration.ofSeconds(5));
    long outerStart = System.nanoTime();
    CpuMeter meter = CpuMeter.start(broker::get);
    long innerStart = System.nanoTime();
    long spinStart = threads.getCurrentThreadCpuTime();
    double sink = 0;
    while (threads.getCurrentThreadCpuTime() - spinStart < 200_000_000L) {
      sink += Math.sqrt(sink + 1); // 200 ms of this thread's CPU, however busy the machine is
    }
    long spun = threads.getCurrentThreadCpuTime() - spinStart;
    broker.set(Duration.ofSeconds(5).plusMillis(150));
    long innerEnd = System.nanoTime();
    String cores = meter.cores();
    long outerEnd = System.nanoTime();

    Matcher measured = CORES.matcher(cores);
    assertThat(measured.matches()).as(cores).isTrue();
    double innerSeconds = (innerEnd - innerStart) / 1e9;
    double outerSeconds = (outerEnd - outerStart) / 1e9;
    // this process used at least the spinning thread's CPU, over a span no longer than the outer
    // one; its CPU time moves in steps of 10 ms, so allow two
    assertThat(Double.parseDouble(measured.group(1)) * outerSeconds)
        .isGreaterThanOrEqualTo(spun / 1e9 - 0.02);
    // 150 ms of the broker's CPU over a span between the inner and the outer one
    assertThat(Double.parseDouble(measured.group(5)))
        .isBetween(0.15 / outerSeconds - 0.01, 0.15 / innerSeconds + 0.01);
    assertThat(sink).isPositive();
  }

  @Test
  void countsTheThreadsOfFlinkTasksApart() throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    CountDownLatch spun = new CountDownLatch(1);
    CountDownLatch measured = new CountDownLatch(1);
    AtomicLong taskCpu = new AtomicLong();
    Thread task =
        new Thread(
            new ThreadGroup("Flink Task Threads"),
            () -> {
              long start = threads.getCurrentThreadCpuTime();
              while (threads.getCurrentThreadCpuTime() - start < 200_000_000L) {
                Thread.onSpinWait(); // reading the clock is the work: 200 ms of this thread's CPU
              }
              taskCpu.set(threads.getCurrentThreadCpuTime() - start);
              spun.countDown();
              try {
                measured.await(); // alive while the meter reads it: ended threads are not counted
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    long outerStart = System.nanoTime();
    CpuMeter meter = CpuMeter.start(() -> Duration.ZERO);
    task.start();
    spun.await(); // this thread waits: its CPU is not a task's
    String cores = meter.cores();
    double outerSeconds = (System.nanoTime() - outerStart) / 1e9;
    measured.countDown();
    task.join();

    Matcher line = CORES.matcher(cores);
    assertThat(line.matches()).as(cores).isTrue();
    double taskSeconds = Double.parseDouble(line.group(2)) * outerSeconds;
    // the task's CPU, to the rounding of two decimals of cores, and nothing of this thread's
    assertThat(taskSeconds).isBetween(taskCpu.get() / 1e9 - 0.01 * outerSeconds, 0.25);
    // the process's CPU holds the task's; it moves in steps of 10 ms, so allow two
    assertThat(Double.parseDouble(line.group(1)) * outerSeconds)
        .isGreaterThanOrEqualTo(taskCpu.get() / 1e9 - 0.02);
  }

  @Test
  void readsUserAndSystemTicksAfterAThreadNameThatHoldsSpacesAndParentheses() {
    String stat =
        "4242 (C2 CompilerThre) x) S 1 4200 4200 0 -1 4194368 12 0 0 0 317 28 0 0 20 0 60 0 95 0";

    assertThat(CpuMeter.cpuTicks(stat)).isEqualTo(317 + 28);
  }
}
