package io.beliefnet.pipeline.trust;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

  @Test
  void aFullBucketAdmitsItsCapacityThenRefillsAtTheRate() {
    TokenBucket bucket = TokenBucket.full(3, 0);

    assertThat(takes(bucket, 0, 2, 3)).isTrue();
    assertThat(takes(bucket, 0, 2, 3)).isTrue();
    assertThat(takes(bucket, 0, 2, 3)).isTrue();
    assertThat(takes(bucket, 0, 2, 3)).isFalse();
    assertThat(takes(bucket, 499, 2, 3)).isFalse();
    assertThat(takes(bucket, 500, 2, 3)).isTrue(); // 2 per second: one token per 500 ms
  }

  @Test
  void aLongPauseRefillsNoMoreThanTheCapacity() {
    TokenBucket bucket = TokenBucket.full(2, 0);
    takes(bucket, 0, 1, 2);
    takes(bucket, 0, 1, 2);

    int admitted = 0;
    for (int i = 0; i < 5; i++) {
      admitted += takes(bucket, 3_600_000, 1, 2) ? 1 : 0;
    }

    assertThat(admitted).isEqualTo(2);
  }

  @Test
  void anEarlierTimestampNeitherRefillsNorRewindsTheClock() {
    TokenBucket bucket = TokenBucket.full(1, 1_000);
    takes(bucket, 1_000, 1, 1);

    assertThat(takes(bucket, 0, 1, 1)).isFalse();
    assertThat(bucket.refilledAt).isEqualTo(1_000);
  }

  @Test
  void lookingForATokenSpendsNothing() {
    TokenBucket bucket = TokenBucket.full(1, 0);

    assertThat(bucket.hasToken(0, 1, 1)).isTrue();
    assertThat(bucket.hasToken(0, 1, 1)).isTrue();
  }

  private static boolean takes(TokenBucket bucket, long at, double perSecond, double capacity) {
    if (!bucket.hasToken(at, perSecond, capacity)) {
      return false;
    }
    bucket.take();
    return true;
  }
}
