package io.beliefnet.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The open claims of one agent in one domain, in the order they were first made, walked
 * round-robin: after each feedback to the agent, the next few are checked and re-stamped, so a
 * change to what is learned reaches all of them in turn without any one feedback costing more than
 * a fixed budget. The claims live in {@link OpenClaimSlots}, one entry each, so no operation reads
 * them all, except {@link #all()}, which is for rare events.
 */
final class AgentOpenClaims {

  /**
   * Slots a walk may look at per claim asked for: slots emptied by resolutions are skipped, and
   * this bounds what a walk costs however many of them lie ahead.
   */
  private static final int SLOTS_PER_CLAIM = 4;

  private final OpenClaimSlots slots;

  AgentOpenClaims(OpenClaimSlots slots) {
    this.slots = slots;
  }

  /**
   * Remembers a claim, in the place of the agent's earlier one on the same proposition if there is
   * one, else after all others.
   */
  void put(OpenClaim claim) {
    Long slot = slots.slotOf(claim.getPropositionId());
    if (slot != null) {
      claim.setSlot(slot);
      slots.put(claim);
      return;
    }
    append(claim);
  }

  /** Remembers a claim unless the agent already has one on the same proposition. */
  void putIfAbsent(OpenClaim claim) {
    if (slots.slotOf(claim.getPropositionId()) == null) {
      append(claim);
    }
  }

  private void append(OpenClaim claim) {
    OpenClaimRing ring = slots.ring();
    claim.setSlot(ring.getEnd());
    ring.setEnd(ring.getEnd() + 1);
    ring.setOpen(ring.getOpen() + 1);
    slots.update(ring);
    slots.put(claim);
    slots.index(claim.getPropositionId(), claim.getSlot());
  }

  void remove(String propositionId) {
    Long slot = slots.slotOf(propositionId);
    if (slot == null) {
      return;
    }
    slots.remove(slot);
    slots.index(propositionId, null);
    OpenClaimRing ring = slots.ring();
    ring.setOpen(ring.getOpen() - 1);
    if (ring.getOpen() == 0) {
      ring.setFirst(ring.getEnd());
    }
    slots.update(ring);
  }

  /** Keeps the new stamp of a claim that {@link #next} handed out. */
  void restamped(OpenClaim claim) {
    slots.put(claim);
  }

  /**
   * The next {@code count} claims round-robin (each at most once), advancing the cursor; fewer if
   * more than {@link #SLOTS_PER_CLAIM} emptied slots per claim asked for lie ahead (the walk goes
   * on from there next time). Emptied slots at the front are dropped from the ring as the walk
   * passes.
   */
  List<OpenClaim> next(int count) {
    OpenClaimRing ring = slots.ring();
    int wanted = Math.min(count, ring.getOpen());
    long budget = Math.min(ring.getEnd() - ring.getFirst(), (long) count * SLOTS_PER_CLAIM);
    List<OpenClaim> next = new ArrayList<>(wanted);
    for (long looked = 0; looked < budget && next.size() < wanted; looked++) {
      long slot = ring.getCursor();
      if (slot < ring.getFirst() || slot >= ring.getEnd()) {
        slot = ring.getFirst();
      }
      ring.setCursor(slot + 1);
      OpenClaim claim = slots.get(slot);
      if (claim != null) {
        next.add(claim);
      } else if (slot == ring.getFirst()) {
        ring.setFirst(slot + 1);
      }
    }
    if (budget > 0) {
      slots.update(ring); // the cursor moved
    }
    return next;
  }

  /** Every open claim, oldest first. Reads every slot of the ring, so it is for rare events. */
  List<OpenClaim> all() {
    OpenClaimRing ring = slots.ring();
    List<OpenClaim> all = new ArrayList<>(ring.getOpen());
    for (long slot = ring.getFirst(); slot < ring.getEnd() && all.size() < ring.getOpen(); slot++) {
      OpenClaim claim = slots.get(slot);
      if (claim != null) {
        all.add(claim);
      }
    }
    return all;
  }
}
