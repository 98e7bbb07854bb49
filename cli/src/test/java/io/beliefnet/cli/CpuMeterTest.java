package io.beliefnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CpuMeterTest {

  private static final Pattern CORES =
      Pattern.compile("cores_process=(\\S+)( cores_compiling=(\\S+))? cores_broker=(\\S+)");

  @Test
  void countsTheCoresThisProcessAndTheBrokerUsedOverTheSpan() {
    AtomicReference<Duration> broker = new AtomicReference<>(Duration.ofSeconds(5));
    CpuMeter meter = CpuMeter.start(broker::get);
    long spinUntil = System.nanoTime() + Duration.ofMillis(300).toNanos();
    double sink = 0;
    while (System.nanoTime() < spinUntil) {
      sink += Math.sqrt(sink + 1); // keeps one core busy
    }
    broker.set(Duration.ofSeconds(5).plus(Duration.ofMillis(150)));

    Matcher cores = CORES.matcher(meter.cores());

    assertThat(cores.matches()).as("%s", meter.cores()).isTrue();
    assertThat(Double.parseDouble(cores.group(1))).isBetween(0.5, 4.0);
    // 150 ms of the broker's CPU over about 300 ms
    assertThat(Double.parseDouble(cores.group(4))).isBetween(0.2, 0.55);
    assertThat(sink).isPositive();
  }
}
