package io.beliefnet.model;

import java.util.HashMap;
import java.util.Map;

/** One agent's open claims in plain maps, for replays and tests. */
public final class InMemoryOpenClaimSlots implements OpenClaimSlots {
  private final OpenClaimRing ring = new OpenClaimRing();
  private final Map<Long, OpenClaim> claims = new HashMap<>();
  private final Map<String, Long> slotByProposition = new HashMap<>();

  @Override
  public OpenClaimRing ring() {
    return ring;
  }

  @Override
  public void update(OpenClaimRing ring) {
    // the header handed out is the one kept
  }

  @Override
  public OpenClaim get(long slot) {
    return claims.get(slot);
  }

  @Override
  public void put(OpenClaim claim) {
    claims.put(claim.getSlot(), claim);
  }

  @Override
  public void remove(long slot) {
    claims.remove(slot);
  }

  @Override
  public Long slotOf(String propositionId) {
    return slotByProposition.get(propositionId);
  }

  @Override
  public void index(String propositionId, Long slot) {
    if (slot == null) {
      slotByProposition.remove(propositionId);
    } else {
      slotByProposition.put(propositionId, slot);
    }
  }
}
