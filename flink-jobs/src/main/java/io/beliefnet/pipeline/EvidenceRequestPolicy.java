package io.beliefnet.pipeline;

import io.beliefnet.pipeline.trust.TokenBucket;
import java.io.Serializable;
import java.time.Duration;

/**
 * How many evidence requests the job may make: at most {@code perProposition} about one proposition
 * and {@code perAgent} to one agent within each {@code expiry}, which is also how long a request
 * stands. Zero per proposition asks nobody.
 */
public record EvidenceRequestPolicy(int perProposition, int perAgent, Duration expiry)
    implements Serializable {

  public EvidenceRequestPolicy {
    if (perProposition < 0 || perAgent < 0 || expiry.isNegative() || expiry.isZero()) {
      throw new IllegalArgumentException(
          "evidence requests: "
              + perProposition
              + " per proposition and "
              + perAgent
              + " per agent every "
              + expiry
              + ": give counts of 0 or more and a positive expiry");
    }
  }

  /**
   * Whether a bucket of {@code capacity} requests per expiry has a request to spend at {@code at}.
   */
  boolean allows(TokenBucket bucket, int capacity, long at) {
    return bucket.hasToken(at, capacity * 1000.0 / expiry.toMillis(), capacity);
  }
}
