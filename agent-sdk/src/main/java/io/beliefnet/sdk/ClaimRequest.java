package io.beliefnet.sdk;

import io.beliefnet.avro.Claim;
import io.beliefnet.claims.ClaimProbabilities;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

/**
 * What an agent claims about one proposition, before {@link Agent#claim} stamps, signs and sends
 * it: a distribution over the proposition's outcomes ({@link #probabilities}) or a single label
 * ({@link #label}). Unset optional parts take their defaults: a random claim id, event time now, no
 * stake beyond the registered one, no evidence ids, no fading. Not thread-safe.
 */
public final class ClaimRequest {

  /** The job's tolerance on a distribution's sum. */
  private final String propositionId;

  private final String domain;
  private List<String> outcomes = List.of();
  private List<Double> probabilities = List.of();
  private String label;
  private boolean hardLabel;
  private String claimId;
  private Instant eventTime;
  private Double stake;
  private Duration halfLife;
  private List<String> evidenceIds = List.of();

  private ClaimRequest(String propositionId, String domain) {
    this.propositionId = propositionId;
    this.domain = domain;
  }

  /** A claim about {@code propositionId}, which belongs to {@code domain}. */
  public static ClaimRequest on(String propositionId, String domain) {
    return new ClaimRequest(propositionId, domain);
  }

  /** The proposition's outcome labels, in the fixed order every claim on it uses. */
  public ClaimRequest outcomes(List<String> outcomes) {
    this.outcomes = List.copyOf(outcomes);
    return this;
  }

  /** The probability of each outcome, aligned with {@link #outcomes}; they sum to 1. */
  public ClaimRequest probabilities(List<Double> probabilities) {
    this.probabilities = List.copyOf(probabilities);
    this.label = null;
    return this;
  }

  /** A hard label: the agent reports {@code outcome} rather than a graded belief. */
  public ClaimRequest label(String outcome) {
    this.label = outcome;
    this.hardLabel = true;
    return this;
  }

  /** Marks one-hot {@link #probabilities} as a hard label rather than a certain belief. */
  public ClaimRequest hardLabel(boolean hardLabel) {
    this.hardLabel = hardLabel;
    return this;
  }

  /** The claim's id; a re-sent id is a duplicate the job ignores. Default: a random UUID. */
  public ClaimRequest claimId(String claimId) {
    this.claimId = claimId;
    return this;
  }

  /** When the agent formed the claim; also the record's Kafka timestamp. Default: now. */
  public ClaimRequest eventTime(Instant eventTime) {
    this.eventTime = eventTime;
    return this;
  }

  /** Amount put at stake on this claim. */
  public ClaimRequest stake(double stake) {
    this.stake = stake;
    return this;
  }

  /** Evidence half-life, for facts that change: older claims fade. */
  public ClaimRequest halfLife(Duration halfLife) {
    this.halfLife = halfLife;
    return this;
  }

  /** Ids of the evidence the claim rests on; claims sharing one are not independent. */
  public ClaimRequest evidenceIds(List<String> evidenceIds) {
    this.evidenceIds = List.copyOf(evidenceIds);
    return this;
  }

  /**
   * The unsigned claim of {@code agentId}, made at {@code now} unless an event time was set.
   *
   * @throws IllegalArgumentException saying which part the job would reject
   */
  Claim toClaim(String agentId, Instant now) {
    Ids.require("proposition id", propositionId);
    Ids.requireKeyPart("domain", domain);
    if (outcomes.size() < 2 || new HashSet<>(outcomes).size() != outcomes.size()) {
      throw new IllegalArgumentException(
          "outcomes are " + outcomes + ": a proposition needs at least 2 distinct outcomes");
    }
    outcomes.forEach(outcome -> Ids.require("outcome", outcome));
    if (stake != null && !(Double.isFinite(stake) && stake >= 0)) {
      throw new IllegalArgumentException("stake is " + stake + ": must be a finite amount >= 0");
    }
    if (halfLife != null && (halfLife.isNegative() || halfLife.isZero())) {
      throw new IllegalArgumentException("half-life is " + halfLife + ": must be positive");
    }
    evidenceIds.forEach(evidence -> Ids.require("evidence id", evidence));
    return Claim.newBuilder()
        .setClaimId(
            Ids.require("claim id", claimId == null ? UUID.randomUUID().toString() : claimId))
        .setAgentId(agentId)
        .setPropositionId(propositionId)
        .setDomain(domain)
        .setOutcomes(outcomes)
        .setProbabilities(distribution())
        .setHardLabel(hardLabel)
        .setEventTime(eventTime == null ? now : eventTime)
        .setHalfLifeMillis(halfLife == null ? null : halfLife.toMillis())
        .setStake(stake)
        .setEvidenceIds(evidenceIds)
        .build();
  }

  private List<Double> distribution() {
    if (label != null) {
      int index = outcomes.indexOf(label);
      if (index < 0) {
        throw new IllegalArgumentException(
            "label '" + label + "' is not one of the outcomes " + outcomes);
      }
      List<Double> oneHot = new ArrayList<>(outcomes.size());
      for (int k = 0; k < outcomes.size(); k++) {
        oneHot.add(k == index ? 1.0 : 0.0);
      }
      return oneHot;
    }
    ClaimProbabilities.problem(probabilities, outcomes.size(), hardLabel)
        .ifPresent(
            problem -> {
              throw new IllegalArgumentException("claim on outcomes " + outcomes + " " + problem);
            });
    return probabilities;
  }
}
