package io.beliefnet.cli;

import java.time.Duration;

/**
 * How the local stack's {@link SimulatedWorld} runs.
 *
 * @param seed decides the agents' keys, the truth and every agent's choices
 * @param tick how often a proposition opens
 * @param ticksUntilResolved how many ticks a proposition stays open before its outcome is published
 * @param sybils identities in the sybil ring
 * @param copiers agents that copy the majority
 */
record WorldSettings(long seed, Duration tick, int ticksUntilResolved, int sybils, int copiers) {

  WorldSettings {
    if (tick.isNegative() || tick.isZero() || ticksUntilResolved < 0 || sybils < 0 || copiers < 0) {
      throw new IllegalArgumentException(
          "the world needs a positive tick and non-negative counts, not " + this);
    }
  }
}
