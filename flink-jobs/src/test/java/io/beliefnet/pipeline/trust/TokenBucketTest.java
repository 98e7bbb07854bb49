package io.beliefnet.pipeline.trust;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

  @Test
  void aFullBucketAdmitsItsCapacityThenRefillsAtTheRate() {
    TokenBucket bucket = TokenBucket.full(3, 0);

    assertThat(bucket.tryTake(0, 2, 3)).isTrue();
    assertThat(bucket.tryTake(0, 2, 3)).isTrue();
    assertThat(bucket.tryTake(0, 2, 3)).isTrue();
    assertThat(bucket.tryTake(0, 2, 3)).isFalse();
    assertThat(bucket.tryTake(499, 2, 3)).isFalse();
    assertThat(bucket.tryTake(500, 2, 3)).isTrue(); // 2 per second: one token per 500 ms
  }

  @Test
  void aLongPauseRefillsNoMoreThanTheCapacity() {
    TokenBucket bucket = TokenBucket.full(2, 0);
    bucket.tryTake(0, 1, 2);
    bucket.tryTake(0, 1, 2);

    int admitted = 0;
    for (int i = 0; i < 5; i++) {
      admitted += bucket.tryTake(3_600_000, 1, 2) ? 1 : 0;
    }

    assertThat(admitted).isEqualTo(2);
  }

  @Test
  void anEarlierTimestampNeitherRefillsNorRewindsTheClock() {
    TokenBucket bucket = TokenBucket.full(1, 1_000);
    bucket.tryTake(1_000, 1, 1);

    assertThat(bucket.tryTake(0, 1, 1)).isFalse();
    assertThat(bucket.refilledAt).isEqualTo(1_000);
  }
}
