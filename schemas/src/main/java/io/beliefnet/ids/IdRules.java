package io.beliefnet.ids;

import java.util.Optional;

/**
 * What every id and label in a record must be: producers check it before sending, the job on
 * arrival, by this one rule. Lengths count Unicode code points, so that an id's length does not
 * depend on how a language stores strings; 256 of them are at most 1,024 bytes in UTF-8, the
 * largest record key the job accepts.
 */
public final class IdRules {

  /** Most code points in an id or label: ids are keys, not payloads. */
  public static final int MAX_LENGTH = 256;

  /**
   * Separates agent and domain in the key of the agent-reliability topic; agent ids may not hold
   * it, so that no two (agent, domain) pairs share a key.
   */
  public static final char KEY_SEPARATOR = '|';

  private IdRules() {}

  /** What is wrong with {@code id} as an id or label, or empty: 1 to 256 non-blank code points. */
  public static Optional<String> problem(String id) {
    if (id == null) {
      return Optional.of("is missing");
    }
    int length = id.codePointCount(0, id.length());
    if (id.isBlank() || length > MAX_LENGTH) {
      return Optional.of(
          "has "
              + length
              + " code points"
              + (id.isBlank() && length > 0 ? ", all blank" : "")
              + ": ids and labels must be 1 to "
              + MAX_LENGTH
              + " non-blank characters");
    }
    return Optional.empty();
  }

  /** As {@link #problem}, and an agent id may not contain {@link #KEY_SEPARATOR}. */
  public static Optional<String> agentIdProblem(String id) {
    return problem(id)
        .or(
            () ->
                id.indexOf(KEY_SEPARATOR) >= 0
                    ? Optional.of(
                        "contains '"
                            + KEY_SEPARATOR
                            + "', which agent ids may not: it separates"
                            + " agent and domain in the agent-reliability key")
                    : Optional.empty());
  }

  /** The key of an agent's reliability in a domain on the agent-reliability topic. */
  public static String reliabilityKey(String agentId, String domain) {
    return agentId + KEY_SEPARATOR + domain;
  }
}
