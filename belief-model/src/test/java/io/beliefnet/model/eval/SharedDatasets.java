package io.beliefnet.model.eval;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the shared data sets at {@code ../shared/datasets} relative to the project root. */
final class SharedDatasets {
  private SharedDatasets() {}

  static Optional<Path> locate() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolveSibling("shared").resolve("datasets");
      if (dir.getParent() != null && Files.isDirectory(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** The named data set, or the test is skipped saying that it is absent. */
  static Path require(String name) {
    Optional<Path> root = locate();
    assumeTrue(root.isPresent(), "skipped: no ../shared/datasets beside the project root");
    Path dataset = root.get().resolve(name);
    assumeTrue(Files.isDirectory(dataset), "skipped: data set " + dataset + " is absent");
    return dataset;
  }
}
