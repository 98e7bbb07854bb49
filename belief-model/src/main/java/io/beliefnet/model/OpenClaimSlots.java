package io.beliefnet.model;

/**
 * Where one agent's open claims in one domain are kept: each claim in a numbered slot, slots handed
 * out in the order the claims were made, an index from proposition to slot, and a small {@link
 * OpenClaimRing} header. Every operation touches one entry, so an agent's open claims are never
 * read or written as a whole. {@link AgentOpenClaims} walks them; a store keeps them in memory or
 * as entries of keyed map state.
 */
public interface OpenClaimSlots {

  /** The header, created empty on first use. */
  OpenClaimRing ring();

  /** Keeps the changes made to the header {@link #ring()} handed out. */
  void update(OpenClaimRing ring);

  /** The claim in {@code slot}, or null if the slot is empty. */
  OpenClaim get(long slot);

  /** Stores {@code claim} in its slot ({@link OpenClaim#getSlot()}), replacing what was there. */
  void put(OpenClaim claim);

  /** Empties {@code slot}. */
  void remove(long slot);

  /** The slot of the agent's open claim on {@code propositionId}, or null if it has none. */
  Long slotOf(String propositionId);

  /** Notes that the claim on {@code propositionId} is in {@code slot}; a null slot forgets it. */
  void index(String propositionId, Long slot);
}
