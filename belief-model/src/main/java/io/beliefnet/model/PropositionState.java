package io.beliefnet.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One proposition's state: its spec, its claims (the latest per agent, in event-time order), and
 * its outcome once resolved. A mutable POJO for state keyed by proposition. The posterior is not
 * stored: it is a function of the claims and the claimants' current reliabilities, recomputed when
 * read, so a change in reliability reaches every open belief without a write.
 *
 * <p>Bytes kept besides the claims ({@link ClaimState#serializedBytes()} each): ids + 4 (K) + 3 x 8
 * (half-life, latest event time, observed-at) + 8 (next sequence) + 4 (outcome) + 8 x {@value
 * PoolingGrid#SIZE} (pooling credit) + 8 x 13 (base-rate weight credit), the credits held by
 * resolved propositions with probability claims only, or 8 x 17 (label-prior weight credit) by
 * resolved propositions with hard labels only; and for publishing: the outcome names, every claim
 * and outcome id applied, each agent's standing claim id, the resolver, the version, the last
 * belief published (8 K) and the expiry; and 8 + 9 for the evidence requests it may still make.
 */
public final class PropositionState {
  /** Claims in the order settlement walks them: event time, then arrival. */
  static final Comparator<ClaimState> EVENT_ORDER =
      Comparator.comparingLong(ClaimState::getEventTime).thenComparingLong(ClaimState::getSequence);

  private String id;
  private String domain;
  private int outcomeCount;
  private long halfLifeMillis;
  private List<ClaimState> claims = new ArrayList<>();
  private long nextSequence;
  private long latestEventTime = Long.MIN_VALUE;
  private int outcome = -1;
  private long observedAt;
  private double[] poolingCredit;
  private double[] baseRateWeightCredit;
  private double[] labelPriorWeightCredit;
  private List<String> outcomeLabels = new ArrayList<>();
  private Map<String, Boolean> appliedIds = new HashMap<>();
  private Map<String, String> claimIdByAgent = new HashMap<>();
  private String resolverId;
  private long version;
  private double[] lastPublished = new double[0];
  private long expiresAt;
  private double requestTokens;
  private Long requestsRefilledAt;

  public PropositionState() {}

  static PropositionState of(PropositionSpec spec) {
    PropositionState state = new PropositionState();
    state.id = spec.id();
    state.domain = spec.domain();
    state.outcomeCount = spec.outcomeCount();
    state.halfLifeMillis = spec.halfLifeMillis();
    return state;
  }

  /** Fails, saying what differs, when a claim describes this proposition differently. */
  void requireMatches(PropositionSpec spec) {
    if (!spec.domain().equals(domain) || spec.outcomeCount() != outcomeCount) {
      throw new IllegalArgumentException(
          "claim describes proposition "
              + id
              + " as domain "
              + spec.domain()
              + " with "
              + spec.outcomeCount()
              + " outcomes, but it is domain "
              + domain
              + " with "
              + outcomeCount
              + " outcomes: send the proposition's original spec");
    }
  }

  boolean isResolved() {
    return outcome >= 0;
  }

  /**
   * True when a claim at {@code eventTime} came after the outcome was observed: no weight, no pay.
   */
  boolean isLate(long eventTime) {
    return isResolved() && eventTime > observedAt;
  }

  /** The time freshness is measured against: the outcome's observation, else the latest claim. */
  long referenceTime() {
    return isResolved() ? observedAt : latestEventTime;
  }

  /** Claims that count: all of them while open, those not after the outcome once resolved. */
  List<ClaimState> countedClaims() {
    if (!isResolved()) {
      return claims;
    }
    List<ClaimState> counted = new ArrayList<>(claims.size());
    for (ClaimState claim : claims) {
      if (!isLate(claim.getEventTime())) {
        counted.add(claim);
      }
    }
    return counted;
  }

  ClaimState claimBy(String agentId) {
    for (ClaimState claim : claims) {
      if (claim.getAgentId().equals(agentId)) {
        return claim;
      }
    }
    return null;
  }

  void insert(ClaimState claim) {
    int index = 0;
    while (index < claims.size() && EVENT_ORDER.compare(claims.get(index), claim) <= 0) {
      index++;
    }
    claims.add(index, claim);
    latestEventTime = Math.max(latestEventTime, claim.getEventTime());
  }

  long takeSequence() {
    return nextSequence++;
  }

  /** Serialized size of this proposition's state, claims included. */
  public int serializedBytes() {
    int bytes =
        2 * 2 + id.length() + domain.length() + Integer.BYTES + 4 * Long.BYTES + Integer.BYTES;
    bytes +=
        Double.BYTES
            * (lengthOf(poolingCredit)
                + lengthOf(baseRateWeightCredit)
                + lengthOf(labelPriorWeightCredit));
    for (ClaimState claim : claims) {
      bytes += claim.serializedBytes();
    }
    bytes += 3 * Integer.BYTES + 2 * Long.BYTES + ClaimState.utf8Bytes(resolverId);
    bytes += Double.BYTES * lastPublished.length + Double.BYTES + 1 + Long.BYTES;
    for (String label : outcomeLabels) {
      bytes += ClaimState.utf8Bytes(label);
    }
    for (String appliedId : appliedIds.keySet()) {
      bytes += ClaimState.utf8Bytes(appliedId) + 1;
    }
    for (Map.Entry<String, String> claimId : claimIdByAgent.entrySet()) {
      bytes += ClaimState.utf8Bytes(claimId.getKey()) + ClaimState.utf8Bytes(claimId.getValue());
    }
    return bytes;
  }

  private static int lengthOf(double[] credit) {
    return credit == null ? 0 : credit.length;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getDomain() {
    return domain;
  }

  public void setDomain(String domain) {
    this.domain = domain;
  }

  public int getOutcomeCount() {
    return outcomeCount;
  }

  public void setOutcomeCount(int outcomeCount) {
    this.outcomeCount = outcomeCount;
  }

  public long getHalfLifeMillis() {
    return halfLifeMillis;
  }

  public void setHalfLifeMillis(long halfLifeMillis) {
    this.halfLifeMillis = halfLifeMillis;
  }

  public List<ClaimState> getClaims() {
    return claims;
  }

  public void setClaims(List<ClaimState> claims) {
    this.claims = claims;
  }

  public long getNextSequence() {
    return nextSequence;
  }

  public void setNextSequence(long nextSequence) {
    this.nextSequence = nextSequence;
  }

  public long getLatestEventTime() {
    return latestEventTime;
  }

  public void setLatestEventTime(long latestEventTime) {
    this.latestEventTime = latestEventTime;
  }

  public int getOutcome() {
    return outcome;
  }

  public void setOutcome(int outcome) {
    this.outcome = outcome;
  }

  public long getObservedAt() {
    return observedAt;
  }

  public void setObservedAt(long observedAt) {
    this.observedAt = observedAt;
  }

  public double[] getBaseRateWeightCredit() {
    return baseRateWeightCredit;
  }

  public void setBaseRateWeightCredit(double[] baseRateWeightCredit) {
    this.baseRateWeightCredit = baseRateWeightCredit;
  }

  public double[] getLabelPriorWeightCredit() {
    return labelPriorWeightCredit;
  }

  public void setLabelPriorWeightCredit(double[] labelPriorWeightCredit) {
    this.labelPriorWeightCredit = labelPriorWeightCredit;
  }

  public double[] getPoolingCredit() {
    return poolingCredit;
  }

  public void setPoolingCredit(double[] poolingCredit) {
    this.poolingCredit = poolingCredit;
  }

  /** The outcomes' names, in the order of the first claim that named them. */
  public List<String> getOutcomeLabels() {
    return outcomeLabels;
  }

  public void setOutcomeLabels(List<String> outcomeLabels) {
    this.outcomeLabels = outcomeLabels;
  }

  /** Ids of the claims and outcomes applied, as a map for constant-time lookups. */
  public Map<String, Boolean> getAppliedIds() {
    return appliedIds;
  }

  public void setAppliedIds(Map<String, Boolean> appliedIds) {
    this.appliedIds = appliedIds;
  }

  /** The id of each agent's standing claim. */
  public Map<String, String> getClaimIdByAgent() {
    return claimIdByAgent;
  }

  public void setClaimIdByAgent(Map<String, String> claimIdByAgent) {
    this.claimIdByAgent = claimIdByAgent;
  }

  /** The resolver whose outcome was applied first; only it may correct the outcome. */
  public String getResolverId() {
    return resolverId;
  }

  public void setResolverId(String resolverId) {
    this.resolverId = resolverId;
  }

  /** How many beliefs about the proposition were published. */
  public long getVersion() {
    return version;
  }

  public void setVersion(long version) {
    this.version = version;
  }

  public double[] getLastPublished() {
    return lastPublished;
  }

  public void setLastPublished(double[] lastPublished) {
    this.lastPublished = lastPublished;
  }

  /**
   * Time from which the proposition may be forgotten: its latest claim plus the open retention
   * while open, its outcome plus the resolved retention once resolved.
   */
  public long getExpiresAt() {
    return expiresAt;
  }

  public void setExpiresAt(long expiresAt) {
    this.expiresAt = expiresAt;
  }

  /**
   * The evidence requests the proposition may still make, as the job's per-proposition budget
   * counts them (a token bucket on event time), kept here so that the claim that spends one writes
   * it with the proposition, not as state of its own.
   */
  public double getRequestTokens() {
    return requestTokens;
  }

  public void setRequestTokens(double requestTokens) {
    this.requestTokens = requestTokens;
  }

  /** The event time the request budget was last refilled at; null until the first request. */
  public Long getRequestsRefilledAt() {
    return requestsRefilledAt;
  }

  public void setRequestsRefilledAt(Long requestsRefilledAt) {
    this.requestsRefilledAt = requestsRefilledAt;
  }
}
