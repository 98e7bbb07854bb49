package io.beliefnet.model;

import java.util.Objects;

/**
 * A trusted resolver's statement that a proposition resolved to {@code outcome}, observed at {@code
 * observedAt} (event time, ms). A later outcome for the same proposition is a correction and
 * re-scores its claims.
 */
public record Outcome(String propositionId, int outcome, long observedAt) implements NetworkEvent {

  public Outcome {
    Objects.requireNonNull(propositionId, "proposition id of outcome");
    if (outcome < 0) {
      throw new IllegalArgumentException(
          "outcome "
              + outcome
              + " for proposition "
              + propositionId
              + " is negative: outcomes are 0..K-1");
    }
  }
}
