package io.beliefnet.model;

/**
 * One open claim as kept in the state of its proposition: what it says, who said it (stamped with
 * the agent's controller and tier when the claim arrived), and what it currently contributes to
 * learning. A mutable POJO for state keyed by proposition.
 *
 * <p>Bytes kept: {@link #serializedBytes} = agent id + controller (2 + UTF-8 length each) + 1 (tier
 * and cap flag) + 4 (label, -1 for a distribution) + 8 K (distribution, if any) + 3 x 8 (event
 * time, sequence, stake) + evidence ids (4 + 2 + length each) + 4 + 8 K (consensus contribution) +
 * 4 + 4 x 8 (scored outcome, settlement, gain, log score, Brier) + 4 + 8 I (independence credit
 * once scored, I = {@value IndependenceGrid#SIZE}) + 4 + 8 K (the claimant's stamped log
 * likelihood, for a hard label) + 2 x 8 (stamped slope and independence). With 8-character ids, a
 * hard label, K = 2 and no evidence ids: 149 bytes open, 237 scored.
 */
public final class ClaimState {
  private String agentId;
  private String controller;
  private IdentityTier priorTier;
  private boolean influenceCapped;
  private int label = -1;
  private double[] probabilities;
  private long eventTime;
  private long sequence;
  private double stake;
  private String[] evidenceIds = new String[0];
  private double[] consensusContribution;
  private int scoredOutcome = -1;
  private double settlement;
  private double informationGain;
  private double logScore;
  private double brier;
  private double[] independenceCredit;
  private ClaimantStamp stamp;

  public ClaimState() {}

  static ClaimState of(Claim claim, AgentProfile agent, long sequence) {
    ClaimState state = new ClaimState();
    state.agentId = claim.agentId();
    state.controller = agent.controller();
    state.priorTier = agent.priorTier();
    state.influenceCapped = agent.influenceCapped();
    if (claim.content() instanceof ClaimContent.HardLabel hard) {
      state.label = hard.label();
    } else if (claim.content() instanceof ClaimContent.Distribution distribution) {
      state.probabilities = distribution.probabilities();
    }
    state.eventTime = claim.eventTime();
    state.sequence = sequence;
    // the agent's profile carries its remaining registered stake: no claim may stake more
    state.stake = claim.stake() > 0 ? Math.min(claim.stake(), agent.stake()) : agent.stake();
    state.evidenceIds = claim.evidenceIds().toArray(new String[0]);
    return state;
  }

  /** Serialized size of this claim's state. */
  public int serializedBytes() {
    int bytes = utf8Bytes(agentId) + utf8Bytes(controller) + 1 + Integer.BYTES + 3 * Long.BYTES;
    bytes += probabilities == null ? 0 : Integer.BYTES + Double.BYTES * probabilities.length;
    bytes += Integer.BYTES;
    for (String id : evidenceIds) {
      bytes += utf8Bytes(id);
    }
    bytes +=
        Integer.BYTES
            + (consensusContribution == null ? 0 : Double.BYTES * consensusContribution.length);
    bytes += Integer.BYTES + 4 * Double.BYTES;
    bytes +=
        Integer.BYTES + (independenceCredit == null ? 0 : Double.BYTES * independenceCredit.length);
    double[] stamped = stamp == null ? null : stamp.labelLogLikelihood();
    bytes += Integer.BYTES + (stamped == null ? 0 : Double.BYTES * stamped.length);
    bytes += 2 * Double.BYTES;
    return bytes;
  }

  /** A string's serialized size: a 2-byte length and its UTF-8 bytes (none when absent). */
  static int utf8Bytes(String s) {
    return 2 + (s == null ? 0 : s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
  }

  boolean isHardLabel() {
    return label >= 0;
  }

  /** The claim as stated, as a distribution with every probability at least {@code floor}. */
  double[] statedDistribution(int outcomeCount, double floor) {
    ClaimContent content =
        isHardLabel()
            ? new ClaimContent.HardLabel(label)
            : new ClaimContent.Distribution(probabilities);
    return content.asDistribution(outcomeCount, floor);
  }

  boolean isScored() {
    return scoredOutcome >= 0;
  }

  public String getAgentId() {
    return agentId;
  }

  public void setAgentId(String agentId) {
    this.agentId = agentId;
  }

  public String getController() {
    return controller;
  }

  public void setController(String controller) {
    this.controller = controller;
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

  public int getLabel() {
    return label;
  }

  public void setLabel(int label) {
    this.label = label;
  }

  public double[] getProbabilities() {
    return probabilities;
  }

  public void setProbabilities(double[] probabilities) {
    this.probabilities = probabilities;
  }

  public long getEventTime() {
    return eventTime;
  }

  public void setEventTime(long eventTime) {
    this.eventTime = eventTime;
  }

  public long getSequence() {
    return sequence;
  }

  public void setSequence(long sequence) {
    this.sequence = sequence;
  }

  public double getStake() {
    return stake;
  }

  public void setStake(double stake) {
    this.stake = stake;
  }

  public String[] getEvidenceIds() {
    return evidenceIds;
  }

  public void setEvidenceIds(String[] evidenceIds) {
    this.evidenceIds = evidenceIds;
  }

  public double[] getConsensusContribution() {
    return consensusContribution;
  }

  public void setConsensusContribution(double[] consensusContribution) {
    this.consensusContribution = consensusContribution;
  }

  public int getScoredOutcome() {
    return scoredOutcome;
  }

  public void setScoredOutcome(int scoredOutcome) {
    this.scoredOutcome = scoredOutcome;
  }

  public double getSettlement() {
    return settlement;
  }

  public void setSettlement(double settlement) {
    this.settlement = settlement;
  }

  public double getInformationGain() {
    return informationGain;
  }

  public void setInformationGain(double informationGain) {
    this.informationGain = informationGain;
  }

  public double getLogScore() {
    return logScore;
  }

  public void setLogScore(double logScore) {
    this.logScore = logScore;
  }

  public double getBrier() {
    return brier;
  }

  public void setBrier(double brier) {
    this.brier = brier;
  }

  /** What the claim added to its agent's independence likelihood when scored, to take back. */
  public double[] getIndependenceCredit() {
    return independenceCredit;
  }

  public void setIndependenceCredit(double[] independenceCredit) {
    this.independenceCredit = independenceCredit;
  }

  /** The claimant's reliability the claim is weighed with, as its proposition holds it now. */
  public ClaimantStamp getStamp() {
    return stamp;
  }

  public void setStamp(ClaimantStamp stamp) {
    this.stamp = stamp;
  }
}
