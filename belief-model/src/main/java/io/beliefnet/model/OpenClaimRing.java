package io.beliefnet.model;

/**
 * The header of an agent's {@link OpenClaimSlots}: open claims lie in slots {@code first}
 * (inclusive) to {@code end} (exclusive), some of them emptied by resolutions; {@code cursor} is
 * where the round-robin walk goes on; {@code open} counts the slots that hold a claim. A mutable
 * POJO of 28 bytes.
 */
public final class OpenClaimRing {
  private long first;
  private long end;
  private long cursor;
  private int open;

  public OpenClaimRing() {}

  public long getFirst() {
    return first;
  }

  public void setFirst(long first) {
    this.first = first;
  }

  public long getEnd() {
    return end;
  }

  public void setEnd(long end) {
    this.end = end;
  }

  public long getCursor() {
    return cursor;
  }

  public void setCursor(long cursor) {
    this.cursor = cursor;
  }

  public int getOpen() {
    return open;
  }

  public void setOpen(int open) {
    this.open = open;
  }
}
