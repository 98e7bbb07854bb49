package io.beliefnet.model;

/**
 * Turns an agent's learned state into the stamp its claims are weighed with (see {@link
 * ClaimantStamp}), a stamped claim into its likelihood under each possible outcome, and an agent's
 * state into a readable {@link Reliability}. Pure functions of their arguments.
 *
 * <p>Hard label l: log θ(k, l), θ the posterior mean of the Dawid–Skene confusion matrix, each row
 * Dirichlet(prior + outcome counts + w · consensus counts), w = {@link
 * ModelParameters#consensusEvidenceWeight()}. For an influence-capped identity the consensus counts
 * may lower a row's accuracy but never raise it: a clique that agrees with itself cannot vote
 * itself reliable; only outcomes can.
 *
 * <p>Distribution p: a · log p_k + (b − 1) · log π_k, with a the posterior-mean calibration slope,
 * π the domain base rate and b the weight the domain's forecasters leave to it ({@link
 * BaseRateWeightGrid}): with the belief's prior, one claim gives q ∝ p^a · π^b. At b = 0 a
 * forecaster's probability already includes the base rate, which the prior adds once (Bayes' rule,
 * p(claim | y = k) ∝ q_k / π_k); at b = 1 it includes none of it.
 */
public final class ReliabilityModel {
  private final ModelParameters parameters;

  public ReliabilityModel(ModelParameters parameters) {
    this.parameters = parameters;
  }

  /**
   * The agent's reliability as a claim with {@code label} (-1 for a distribution) on a proposition
   * with {@code outcomeCount} outcomes, made under {@code tier}, is weighed with. A hard label's
   * likelihood is capped at that of its own label, so a claim never counts against what it says: an
   * agent learned to be contrary is ignored rather than read backwards, which would let it steer
   * beliefs by lying predictably.
   */
  ClaimantStamp stamp(
      AgentDomainState agent,
      DomainState domain,
      IdentityTier tier,
      boolean influenceCapped,
      int label,
      int outcomeCount) {
    ReliabilityPrior prior = ReliabilityPrior.forTier(tier);
    double independence = independence(tier, agent);
    if (label < 0) {
      return new ClaimantStamp(null, calibrationSlope(agent, domain, prior)[0], independence);
    }
    double[] result = new double[outcomeCount];
    for (int k = 0; k < outcomeCount; k++) {
      result[k] = Math.log(confusion(agent, prior, influenceCapped, k, label, outcomeCount));
    }
    for (int k = 0; k < outcomeCount; k++) {
      result[k] = Math.min(result[k], result[label]);
    }
    return new ClaimantStamp(result, 1, independence);
  }

  /**
   * Log likelihood of a stamped claim under each outcome, given the domain's log base rate and the
   * weight {@code baseRateWeight} its forecasters' probabilities leave to it.
   */
  double[] logLikelihood(ClaimState claim, double[] logBaseRate, double baseRateWeight) {
    ClaimantStamp stamp = claim.getStamp();
    if (claim.isHardLabel()) {
      return stamp.labelLogLikelihood();
    }
    double[] p =
        ProbabilityVectors.clampAndNormalise(
            claim.getProbabilities(), parameters.probabilityFloor());
    double[] result = new double[logBaseRate.length];
    for (int k = 0; k < result.length; k++) {
      result[k] = stamp.calibrationSlope() * Math.log(p[k]) + (baseRateWeight - 1) * logBaseRate[k];
    }
    return result;
  }

  /**
   * How much of the agent's modelled evidence is its own rather than an echo of what was already
   * believed (a copier's): the posterior mean of its weight on the {@link IndependenceGrid}, from
   * the tier's prior and how well each weight would have predicted its resolved claims' outcomes.
   * Agents whose claims helped predict outcomes keep full weight; those who only echoed the
   * consensus fade.
   */
  double independence(IdentityTier tier, AgentDomainState agent) {
    return agent.independence(ReliabilityPrior.forTier(tier).independenceLogOdds());
  }

  /**
   * Entry (truth, claimed) of the posterior-mean confusion matrix, restricted to K outcomes: prior
   * pseudo-counts plus outcome counts plus weighted consensus counts, except that for a capped
   * identity the consensus may lower the row's accuracy but not raise it.
   */
  private double confusion(
      AgentDomainState agent,
      ReliabilityPrior prior,
      boolean capped,
      int truth,
      int claimed,
      int outcomeCount) {
    double consensusWeight = parameters.consensusEvidenceWeight();
    double totalWith = 0;
    double totalWithout = 0;
    for (int l = 0; l < outcomeCount; l++) {
      double known = prior.pseudoCount(truth, l, outcomeCount) + agent.supervised(truth, l);
      totalWith += known + consensusWeight * agent.consensus(truth, l);
      totalWithout += known;
    }
    double knownAccurate =
        prior.pseudoCount(truth, truth, outcomeCount) + agent.supervised(truth, truth);
    double withAccurate = knownAccurate + consensusWeight * agent.consensus(truth, truth);
    boolean consensusRaisesAccuracy = withAccurate / totalWith > knownAccurate / totalWithout;
    double known =
        prior.pseudoCount(truth, claimed, outcomeCount) + agent.supervised(truth, claimed);
    return capped && consensusRaisesAccuracy
        ? known / totalWithout
        : (known + consensusWeight * agent.consensus(truth, claimed)) / totalWith;
  }

  /** {mean, standard deviation} of the agent's calibration slope. */
  private double[] calibrationSlope(
      AgentDomainState agent, DomainState domain, ReliabilityPrior prior) {
    double[] posterior =
        CalibrationGrid.posterior(
            prior,
            agent.getCalibrationLogLikelihood(),
            domain.getPopulationCalibrationLogLikelihood(),
            domain.getPopulationCalibrationClaims(),
            parameters.populationPriorStrength());
    return new double[] {
      CalibrationGrid.mean(posterior), CalibrationGrid.standardDeviation(posterior)
    };
  }

  /** A readable summary of what is known about an agent in a domain. */
  Reliability describe(
      String agentId,
      String domainName,
      AgentProfile profile,
      AgentDomainState agent,
      DomainState domain) {
    ReliabilityPrior prior = ReliabilityPrior.forTier(profile.priorTier());
    int size = Math.max(2, agent.getMatrixSize());
    double[][] confusion = new double[size][];
    double accuracy = 0;
    double variance = 0;
    for (int k = 0; k < size; k++) {
      confusion[k] = new double[size];
      for (int l = 0; l < size; l++) {
        confusion[k][l] = confusion(agent, prior, profile.influenceCapped(), k, l, size);
      }
      double mass = prior.mass();
      for (int l = 0; l < size; l++) {
        mass +=
            agent.supervised(k, l) + parameters.consensusEvidenceWeight() * agent.consensus(k, l);
      }
      double diagonal = confusion[k][k];
      accuracy += diagonal / size;
      variance += diagonal * (1 - diagonal) / (mass + 1) / (size * size);
    }
    double[] slope = calibrationSlope(agent, domain, prior);
    return new Reliability(
        agentId,
        domainName,
        accuracy,
        Math.sqrt(variance),
        confusion,
        slope[0],
        slope[1],
        agent.getSupervisedClaims(),
        agent.getCalibrationClaims(),
        agent.consensusMass(),
        independence(profile.priorTier(), agent),
        agent.getLedger().copy());
  }
}
