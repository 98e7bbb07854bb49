package io.beliefnet.cli;

import io.beliefnet.topics.KafkaClientProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where a running local stack's broker and registry listen, in {@value #FILE} of its state folder:
 * written when it has started, removed when it stops, so that the other commands run in the same
 * folder find them without being told.
 */
record LocalEndpoints(String bootstrapServers, String registryUrl) {

  /** The state folder {@code bin/belief local} uses unless told otherwise. */
  static final String DEFAULT_STATE_FOLDER = ".belief/local";

  static final Path DEFAULT_STATE_DIR = Path.of(DEFAULT_STATE_FOLDER);

  static final String FILE = "endpoints.properties";
  private static final String BOOTSTRAP = "bootstrap.servers";
  private static final String REGISTRY = "schema.registry.url";

  /** The endpoints of the stack running in {@code stateDir}, if one runs there. */
  static Optional<LocalEndpoints> of(Path stateDir) {
    Path file = stateDir.resolve(FILE);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    Map<String, String> values = KafkaClientProperties.read(file);
    return Optional.of(new LocalEndpoints(values.get(BOOTSTRAP), values.get(REGISTRY)));
  }

  /** Neither the network's addresses were given nor does a local stack run here. */
  static final class NotRunning extends IllegalStateException {
    NotRunning(Path stateDir) {
      super(
          "no network given and no local stack runs in "
              + stateDir.toAbsolutePath()
              + ": pass --bootstrap-servers and --registry, or start bin/belief local in this"
              + " folder");
    }
  }

  void writeTo(Path stateDir) {
    try {
      Files.writeString(
          stateDir.resolve(FILE),
          "# written by bin/belief local while it runs\n"
              + BOOTSTRAP
              + "="
              + bootstrapServers
              + "\n"
              + REGISTRY
              + "="
              + registryUrl
              + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + FILE + " in " + stateDir, e);
    }
  }

  static void removeFrom(Path stateDir) {
    try {
      Files.deleteIfExists(stateDir.resolve(FILE));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + FILE + " from " + stateDir, e);
    }
  }
}
