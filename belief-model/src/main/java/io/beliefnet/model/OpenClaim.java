package io.beliefnet.model;

/**
 * An agent's standing claim on an open proposition, as the agent's side remembers it: enough to
 * stamp the claim again when what is learned about the agent changes (its outcome count, label and
 * the profile it was made under), and the stamp the proposition holds now. A mutable POJO.
 */
public final class OpenClaim {
  private String propositionId;
  private long slot;
  private int outcomeCount;
  private int label;
  private IdentityTier priorTier;
  private boolean influenceCapped;
  private ClaimantStamp stamp;

  public OpenClaim() {}

  /** The claim as its agent remembers it, not yet stamped. */
  static OpenClaim of(String propositionId, int outcomeCount, ClaimState claim) {
    OpenClaim open = new OpenClaim();
    open.propositionId = propositionId;
    open.outcomeCount = outcomeCount;
    open.label = claim.getLabel();
    open.priorTier = claim.getPriorTier();
    open.influenceCapped = claim.isInfluenceCapped();
    return open;
  }

  public String getPropositionId() {
    return propositionId;
  }

  public void setPropositionId(String propositionId) {
    this.propositionId = propositionId;
  }

  /** Where the claim lies among its agent's {@link OpenClaimSlots}. */
  public long getSlot() {
    return slot;
  }

  public void setSlot(long slot) {
    this.slot = slot;
  }

  public int getOutcomeCount() {
    return outcomeCount;
  }

  public void setOutcomeCount(int outcomeCount) {
    this.outcomeCount = outcomeCount;
  }

  public int getLabel() {
    return label;
  }

  public void setLabel(int label) {
    this.label = label;
  }

  public IdentityTier getPriorTier() {
    return priorTier;
  }

  public void setPriorTier(IdentityTier priorTier) {
    this.priorTier = priorTier;
  }

  public boolean isInfluenceCapped() {
    return influenceCapped;
  }

  public void setInfluenceCapped(boolean influenceCapped) {
    this.influenceCapped = influenceCapped;
  }

  /** The claimant's reliability the claim is weighed with, as its proposition holds it now. */
  public ClaimantStamp getStamp() {
    return stamp;
  }

  public void setStamp(ClaimantStamp stamp) {
    this.stamp = stamp;
  }
}
