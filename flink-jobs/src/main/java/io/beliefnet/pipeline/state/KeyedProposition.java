package io.beliefnet.pipeline.state;

import io.beliefnet.model.PropositionState;
import io.beliefnet.model.PropositionStore;
import java.util.Optional;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * One proposition's state in keyed state under the key (domain, proposition): {@code
 * PropositionState} (ids + 8 K + about 100 bytes, plus {@code ClaimState#serializedBytes()} per
 * standing claim: about 115 bytes for an open hard label with short ids, 200 once scored). The
 * object handed to the model is remembered and written back by {@link #flush()}, which the stage
 * calls after each event; {@link #discard()} forgets it instead, so a refused event changes
 * nothing, and the stage discards at the start of each callback, whose key may differ.
 */
public final class KeyedProposition implements PropositionStore {

  private static final ValueStateDescriptor<PropositionState> PROPOSITION =
      new ValueStateDescriptor<>("proposition", TypeInformation.of(PropositionState.class));

  private final ValueState<PropositionState> state;
  private PropositionState proposition;
  private boolean read;
  private boolean removed;

  public KeyedProposition(RuntimeContext context) {
    state = context.getState(PROPOSITION);
  }

  @Override
  public Optional<PropositionState> proposition(String propositionId) {
    if (!read) {
      try {
        proposition = state.value();
      } catch (Exception e) {
        throw new IllegalStateException("cannot read proposition " + propositionId, e);
      }
      read = true;
    }
    return Optional.ofNullable(proposition);
  }

  @Override
  public void addProposition(PropositionState added) {
    proposition = added;
    read = true;
    removed = false;
  }

  @Override
  public void removeProposition(String propositionId) {
    proposition = null;
    read = true;
    removed = true;
  }

  /**
   * Writes back the proposition the current event read or changed, and keeps it for the next event
   * under the same key: call {@link #discard()} before reading under another key.
   */
  public void flush() {
    try {
      if (removed) {
        state.clear();
      } else if (proposition != null) {
        state.update(proposition);
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot write a proposition's state", e);
    }
    removed = false;
  }

  /**
   * Writes back only a removal by the current event, for a look that changes nothing else (an
   * expiry), and forgets what it read.
   */
  public void flushRemoval() {
    if (removed) {
      state.clear();
    }
    discard();
  }

  /** Forgets what the current event read or changed without writing it. */
  public void discard() {
    proposition = null;
    read = false;
    removed = false;
  }
}
