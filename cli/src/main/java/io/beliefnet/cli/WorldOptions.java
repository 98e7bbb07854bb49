package io.beliefnet.cli;

import java.time.Duration;
import org.apache.flink.util.TimeUtils;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** How the simulated world runs: the options of {@code local} and {@code world}. */
final class WorldOptions {

  @Option(
      names = "--seed",
      defaultValue = "7",
      description = "Seed of the simulated world (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--tick",
      defaultValue = "1s",
      converter = DurationConverter.class,
      description = "How often a proposition opens, e.g. 500ms or 2s (default: ${DEFAULT-VALUE}).")
  Duration tick;

  @Option(
      names = "--resolve-after",
      defaultValue = "5",
      description =
          "Ticks a proposition stays open before its outcome (default: ${DEFAULT-VALUE}).")
  int resolveAfter;

  @Option(
      names = "--sybils",
      defaultValue = "12",
      description = "Identities in the sybil ring (default: ${DEFAULT-VALUE}).")
  int sybils;

  @Option(
      names = "--copiers",
      defaultValue = "3",
      description = "Agents that copy the majority (default: ${DEFAULT-VALUE}).")
  int copiers;

  WorldSettings settings() {
    return new WorldSettings(seed, tick, resolveAfter, sybils, copiers);
  }

  /** Reads durations as Flink's options do: 500ms, 2s, 1min. */
  static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      return TimeUtils.parseDuration(value);
    }
  }
}
