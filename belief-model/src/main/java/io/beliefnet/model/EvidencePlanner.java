package io.beliefnet.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whom to ask for a claim on an open proposition: the candidates whose answer is worth most to its
 * belief ({@link EvidenceValue}, from the candidate's confusion matrix in the domain) times their
 * independence, leaving out agents that have claimed on it and agents of a controller that has,
 * whose evidence would not be independent of what the belief already holds.
 */
public final class EvidencePlanner {

  /**
   * The least a request must be worth, in nats of expected log-loss reduction: about what a claim
   * by an agent right three times in four adds to an even binary belief, a tenth of a bit.
   */
  public static final double MINIMUM_VALUE = 0.07;

  /** An agent that could be asked, with what is learned about it in the domain. */
  public record Candidate(
      String agentId, String controller, double[][] confusion, double independence) {}

  /** A request worth making: whom to ask, and what its answer is expected to be worth. */
  public record Ask(String agentId, double value) {}

  private EvidencePlanner() {}

  /**
   * Whether anyone could be worth asking about {@code belief}: an answer can teach at most the
   * belief's entropy (the mutual information with the truth is bounded by it), so a belief surer
   * than {@link #MINIMUM_VALUE} asks nobody, and its candidates need not be looked at.
   */
  public static boolean worthAsking(double[] belief) {
    return EvidenceValue.entropy(belief) >= MINIMUM_VALUE;
  }

  /**
   * Up to {@code limit} requests for the proposition whose standing claims are {@code claims} and
   * whose belief is {@code belief}, most valuable first (ties by agent id), each worth at least
   * {@link #MINIMUM_VALUE}: none for a belief that is not {@link #worthAsking}, which callers check
   * first to spare gathering the candidates.
   */
  public static List<Ask> plan(
      double[] belief, List<ClaimState> claims, List<Candidate> candidates, int limit) {
    Set<String> claimed = new HashSet<>();
    Set<String> controllers = new HashSet<>();
    for (ClaimState claim : claims) {
      claimed.add(claim.getAgentId());
      controllers.add(claim.getController());
    }
    List<Ask> asks = new ArrayList<>();
    for (Candidate candidate : candidates) {
      if (claimed.contains(candidate.agentId()) || controllers.contains(candidate.controller())) {
        continue;
      }
      double value =
          EvidenceValue.expectedLossReduction(belief, candidate.confusion())
              * candidate.independence();
      if (value >= MINIMUM_VALUE) {
        asks.add(new Ask(candidate.agentId(), value));
      }
    }
    asks.sort(Comparator.comparingDouble(Ask::value).reversed().thenComparing(Ask::agentId));
    return asks.subList(0, Math.min(limit, asks.size()));
  }

  /**
   * How informative {@code candidate} is in its domain, for keeping a domain's best candidates: its
   * worth on an even belief.
   */
  public static double informativeness(Candidate candidate) {
    int outcomes = candidate.confusion().length;
    double[] even = new double[outcomes];
    Arrays.fill(even, 1.0 / outcomes);
    return EvidenceValue.expectedLossReduction(even, candidate.confusion())
        * candidate.independence();
  }
}
