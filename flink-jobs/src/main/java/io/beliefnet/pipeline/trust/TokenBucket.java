package io.beliefnet.pipeline.trust;

/**
 * A token bucket on event time: fills at a steady rate up to its capacity, and each claim takes one
 * token. Refilling by event time rather than wall-clock time keeps the job deterministic: a replay
 * of the same records admits the same claims. A Flink POJO kept per agent.
 */
public class TokenBucket {

  /** Tokens left; fractional between claims. */
  public double tokens;

  /** Event time of the last refill, epoch milliseconds. */
  public long refilledAt;

  public TokenBucket() {}

  /** A full bucket at {@code at}. */
  public static TokenBucket full(double capacity, long at) {
    return of(capacity, at);
  }

  /** A bucket holding {@code tokens}, last refilled at {@code refilledAt}. */
  public static TokenBucket of(double tokens, long refilledAt) {
    TokenBucket bucket = new TokenBucket();
    bucket.tokens = tokens;
    bucket.refilledAt = refilledAt;
    return bucket;
  }

  /** Refills for the event time since the last refill; true if a whole token is there. */
  public boolean hasToken(long at, double perSecond, double capacity) {
    long elapsed = Math.max(0, at - refilledAt);
    tokens = Math.min(capacity, tokens + elapsed * perSecond / 1000.0);
    refilledAt = Math.max(refilledAt, at);
    return tokens >= 1;
  }

  /** Spends a token; call only after {@link #hasToken} said there is one. */
  public void take() {
    tokens -= 1;
  }
}
