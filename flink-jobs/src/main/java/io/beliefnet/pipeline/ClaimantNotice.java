package io.beliefnet.pipeline;

import io.beliefnet.model.ClaimantModel.Restamp;
import io.beliefnet.model.ClaimantStamp;

/**
 * What an agent's side tells one proposition about the agent's open claim there: a new stamp, or
 * (with {@link #withdrawSince} set) that the claim is withdrawn if made at or after then, because
 * the key that signed it was revoked. A Flink POJO.
 */
public class ClaimantNotice {
  public String domain;
  public String agentId;
  public String propositionId;
  public ClaimantStamp stamp;
  public boolean fromOutcomes;
  public Long withdrawSince;

  public ClaimantNotice() {}

  static ClaimantNotice restamp(String domain, String agentId, Restamp restamp) {
    ClaimantNotice notice = new ClaimantNotice();
    notice.domain = domain;
    notice.agentId = agentId;
    notice.propositionId = restamp.propositionId();
    notice.stamp = restamp.stamp();
    notice.fromOutcomes = restamp.fromOutcomes();
    return notice;
  }

  static ClaimantNotice withdrawal(
      String domain, String agentId, String propositionId, long since) {
    ClaimantNotice notice = new ClaimantNotice();
    notice.domain = domain;
    notice.agentId = agentId;
    notice.propositionId = propositionId;
    notice.withdrawSince = since;
    return notice;
  }

  Restamp asRestamp() {
    return new Restamp(propositionId, stamp, fromOutcomes);
  }
}
