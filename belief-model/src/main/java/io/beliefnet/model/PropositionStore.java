package io.beliefnet.model;

import java.util.Optional;

/**
 * Where propositions' state lives: a map in memory for replays, keyed state in a streaming job. A
 * {@link PropositionUpdater} mutates the objects it gets from here in place; a store that copies
 * state in and out (as keyed state backends do) must write back every object it handed out once the
 * current event is applied.
 */
public interface PropositionStore {

  /** The proposition's state, if it was seen and not removed. */
  Optional<PropositionState> proposition(String propositionId);

  /** Stores a new proposition. */
  void addProposition(PropositionState proposition);

  /** Forgets a proposition (its agents' open-claim entries go when a re-stamp finds it gone). */
  void removeProposition(String propositionId);
}
