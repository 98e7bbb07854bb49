package io.beliefnet.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class VerifiedRootsTest {

  private static final VerifyingKey KEY = key(1);
  private static final byte[] SIGNATURE = bytes(64, 9);

  @Test
  void aRootCountsOnlyUnderItsKeyAndWithItsSignature() {
    VerifiedRoots verified = new VerifiedRoots(4);
    byte[] root = bytes(32, 1);

    verified.add(KEY, root, SIGNATURE);

    assertThat(verified.contains(KEY, bytes(32, 1), bytes(64, 9))).isTrue();
    assertThat(verified.contains(key(2), root, SIGNATURE)).isFalse();
    assertThat(verified.contains(KEY, bytes(32, 2), SIGNATURE)).isFalse();
    assertThat(verified.contains(KEY, root, bytes(64, 8))).isFalse();
  }

  @Test
  void onceFullTheLeastRecentlyUsedRootIsForgotten() {
    VerifiedRoots verified = new VerifiedRoots(2);
    verified.add(KEY, bytes(32, 1), SIGNATURE);
    verified.add(KEY, bytes(32, 2), SIGNATURE);
    assertThat(verified.contains(KEY, bytes(32, 1), SIGNATURE)).isTrue();

    verified.add(KEY, bytes(32, 3), SIGNATURE);

    assertThat(verified.contains(KEY, bytes(32, 1), SIGNATURE)).isTrue();
    assertThat(verified.contains(KEY, bytes(32, 2), SIGNATURE)).isFalse();
    assertThat(verified.contains(KEY, bytes(32, 3), SIGNATURE)).isTrue();
  }

  @Test
  void theArraysItWasGivenCanChangeAfterwards() {
    VerifiedRoots verified = new VerifiedRoots(1);
    byte[] root = bytes(32, 1);
    byte[] signature = SIGNATURE.clone();

    verified.add(KEY, root, signature);
    root[0] = 7;
    signature[0] = 7;

    assertThat(verified.contains(KEY, bytes(32, 1), SIGNATURE)).isTrue();
  }

  @Test
  void aCacheHoldsAtLeastOneRoot() {
    assertThatThrownBy(() -> new VerifiedRoots(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1");
  }

  private static VerifyingKey key(long seed) {
    return VerifyingKey.fromX509(AgentKey.fromSeed(seed).publicKey()).orElseThrow();
  }

  private static byte[] bytes(int length, int fill) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) fill);
    return bytes;
  }
}
