package io.beliefnet.model;

/**
 * Running totals of what an agent's claims earned when their propositions resolved: settlement
 * (stake times information gain), information gain in nats, and the proper scores of the claims as
 * stated. A mutable POJO so that streaming state can hold it; corrections subtract what was
 * credited before.
 */
public final class ReputationLedger {
  private long settledClaims;
  private double settlementTotal;
  private double informationGainTotal;
  private double logScoreTotal;
  private double brierTotal;

  public ReputationLedger() {}

  /** Credits one settlement ({@code sign} = 1) or takes it back ({@code sign} = -1). */
  void record(Settlement settlement, int sign) {
    settledClaims += sign;
    settlementTotal += sign * settlement.amount();
    informationGainTotal += sign * settlement.informationGain();
    logScoreTotal += sign * settlement.logScore();
    brierTotal += sign * settlement.brier();
  }

  /** Adds another ledger's totals to this one (used to sum an agent's domains). */
  void add(ReputationLedger other) {
    settledClaims += other.settledClaims;
    settlementTotal += other.settlementTotal;
    informationGainTotal += other.informationGainTotal;
    logScoreTotal += other.logScoreTotal;
    brierTotal += other.brierTotal;
  }

  /** A copy, so that readers cannot change the state. */
  public ReputationLedger copy() {
    ReputationLedger copy = new ReputationLedger();
    copy.add(this);
    return copy;
  }

  public long getSettledClaims() {
    return settledClaims;
  }

  public void setSettledClaims(long settledClaims) {
    this.settledClaims = settledClaims;
  }

  public double getSettlementTotal() {
    return settlementTotal;
  }

  public void setSettlementTotal(double settlementTotal) {
    this.settlementTotal = settlementTotal;
  }

  public double getInformationGainTotal() {
    return informationGainTotal;
  }

  public void setInformationGainTotal(double informationGainTotal) {
    this.informationGainTotal = informationGainTotal;
  }

  public double getLogScoreTotal() {
    return logScoreTotal;
  }

  public void setLogScoreTotal(double logScoreTotal) {
    this.logScoreTotal = logScoreTotal;
  }

  public double getBrierTotal() {
    return brierTotal;
  }

  public void setBrierTotal(double brierTotal) {
    this.brierTotal = brierTotal;
  }

  /** Serialized size: one long and four doubles. */
  public static final int BYTES = 5 * Long.BYTES;
}
