package io.beliefnet.sdk;

/**
 * Something the belief network's client could not do, with a message that says what failed and what
 * to check: an unreachable broker or registry, a refused write, a belief that is not there.
 */
public final class BeliefClientException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public BeliefClientException(String message) {
    super(message);
  }

  public BeliefClientException(String message, Throwable cause) {
    super(message, cause);
  }
}
