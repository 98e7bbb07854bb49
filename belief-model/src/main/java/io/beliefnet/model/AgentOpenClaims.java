package io.beliefnet.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The open claims of one agent in one domain, in the order they were made, and a cursor that walks
 * them round-robin: after each change to what is learned about the agent, the next few are checked
 * and re-stamped, so a change reaches all of them in turn without any one change costing more than
 * a fixed budget. A mutable POJO; it grows with the agent's own open claims only.
 */
public final class AgentOpenClaims {
  private List<OpenClaim> claims = new ArrayList<>();
  private int cursor;

  public AgentOpenClaims() {}

  /** Remembers a claim, replacing the agent's earlier one on the same proposition. */
  void put(OpenClaim claim) {
    remove(claim.getPropositionId());
    claims.add(claim);
  }

  void remove(String propositionId) {
    for (int i = 0; i < claims.size(); i++) {
      if (claims.get(i).getPropositionId().equals(propositionId)) {
        claims.remove(i);
        if (cursor > i) {
          cursor--;
        }
        return;
      }
    }
  }

  /** The next {@code count} claims round-robin (each at most once), advancing the cursor. */
  List<OpenClaim> next(int count) {
    int taken = Math.min(count, claims.size());
    List<OpenClaim> next = new ArrayList<>(taken);
    for (int i = 0; i < taken; i++) {
      cursor = cursor % claims.size();
      next.add(claims.get(cursor++));
    }
    return next;
  }

  public List<OpenClaim> getClaims() {
    return claims;
  }

  public void setClaims(List<OpenClaim> claims) {
    this.claims = claims;
  }

  public int getCursor() {
    return cursor;
  }

  public void setCursor(int cursor) {
    this.cursor = cursor;
  }
}
