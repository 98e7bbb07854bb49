package io.beliefnet.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names the README documents: every name in its metrics table, and the Flink metrics its
 * text names, all as Flink's Prometheus reporter serves them.
 */
final class ReadmeMetrics {

  private static final Pattern NAME = Pattern.compile("`(flink_[A-Za-z_]+)`");

  private ReadmeMetrics() {}

  static List<String> names() {
    String readme;
    try {
      readme = Files.readString(Path.of("..", "README.md"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String section = readme.substring(readme.indexOf("### Metrics"));
    section = section.substring(0, section.indexOf("\n## "));
    List<String> names = new ArrayList<>();
    Matcher matcher = NAME.matcher(section);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }
}
