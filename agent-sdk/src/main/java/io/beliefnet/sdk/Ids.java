package io.beliefnet.sdk;

/** The job's rule for ids and labels, checked before sending so a mistake fails here, not later. */
final class Ids {

  /** Longest id or label the job accepts. */
  static final int MAX_LENGTH = 256;

  private Ids() {}

  static String require(String what, String id) {
    if (id == null || id.isBlank() || id.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          what + " is " + (id == null ? "missing" : "'" + id + "'") + ": must be 1 to "
              + MAX_LENGTH + " characters, not blank");
    }
    return id;
  }
}
