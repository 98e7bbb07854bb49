package io.beliefnet.cli;

import io.beliefnet.signing.AgentKey;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Where {@code register} keeps an agent's private key and {@code claim} finds it. */
final class AgentKeyFiles {

  private AgentKeyFiles() {}

  /** {@code given}, or {@code .belief/keys/<agent>.key} when none was given. */
  static Path resolve(Path given, String agentId) {
    return given != null
        ? given
        : Path.of(".belief", "keys", agentId.replaceAll("[^A-Za-z0-9._-]", "_") + ".key");
  }

  /** The key in {@code file}; a missing or unreadable file is a bad argument of {@code command}. */
  static AgentKey load(CommandLine command, Path file, String agentId) {
    return loadOr(command, file, "register agent " + agentId + " first, or pass --key-file");
  }

  /**
   * The key in {@code file}; a missing or unreadable file is a bad argument of {@code command}, and
   * a missing one says {@code whatToDo}.
   */
  static AgentKey loadOr(CommandLine command, Path file, String whatToDo) {
    try {
      return AgentKey.load(file);
    } catch (NoSuchFileException e) {
      throw new ParameterException(command, "no key file at " + file + ": " + whatToDo);
    } catch (IOException | IllegalArgumentException e) {
      throw new ParameterException(
          command, "cannot read the key in " + file + ": " + e.getMessage());
    }
  }
}
