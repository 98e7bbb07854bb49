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
   * Separates the parts of a two-part key: agent and domain on the agent-reliability topic, domain
   * and proposition on the beliefs topic. Agent ids and domains may not hold it, so that no two
   * pairs share a key.
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

  /**
   * As {@link #problem}, and an agent id or a domain, the first part of a two-part key, may not
   * contain {@link #KEY_SEPARATOR}.
   */
  public static Optional<String> keyPartProblem(String id) {
    return problem(id)
        .or(
            () ->
                id.indexOf(KEY_SEPARATOR) >= 0
                    ? Optional.of(
                        "contains '"
                            + KEY_SEPARATOR
                            + "', which agent ids and domains may not: it separates"
                            + " the parts of the agent-reliability and beliefs keys")
                    : Optional.empty());
  }

  /** The key of an agent's reliability in a domain on the agent-reliability topic. */
  public static String reliabilityKey(String agentId, String domain) {
    return agentId + KEY_SEPARATOR + domain;
  }

  /**
   * The key of a proposition's belief on the beliefs topic: a proposition is named by its domain
   * and its id, so one id in two domains names two propositions.
   */
  public static String propositionKey(String domain, String propositionId) {
    return domain + KEY_SEPARATOR + propositionId;
  }
}
