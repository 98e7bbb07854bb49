package io.beliefnet.model.eval;

import io.beliefnet.model.AgentProfile;
import io.beliefnet.model.BeliefNetwork;
import io.beliefnet.model.Claim;
import io.beliefnet.model.EvidenceValue;
import io.beliefnet.model.IdentityTier;
import io.beliefnet.model.ModelParameters;
import io.beliefnet.model.PropositionSpec;
import io.beliefnet.model.Reliability;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A labelled data set replayed as if the network had to ask for every answer: a worker's answer on
 * a question becomes a claim only when that worker is asked about that question, and only answers
 * the data holds can be asked for. A budget (a share of the data's answers) is spent in rounds,
 * either on the pairs whose answer is worth most to the current belief ({@link EvidenceValue}, with
 * the worker's reliability as learned so far) or on pairs drawn at random; every question with
 * known truth is scored at the end, one never asked about with an even belief.
 */
public final class AskReplay {

  /** How the budget is spent. */
  public enum Strategy {
    /** Each round, the most valuable worker of each question, the most valuable questions first. */
    EXPECTED_LOSS("ask-expected-loss"),
    /** Each round, pairs drawn uniformly from those not asked yet. */
    RANDOM("ask-random");

    final String method;

    Strategy(String method) {
      this.method = method;
    }
  }

  /** Rounds the budget is spent in: between rounds the model takes in the answers. */
  static final int ROUNDS = 50;

  private final LabelDataset data;
  private final BeliefNetwork network;
  private final Map<String, List<LabelDataset.Answer>> unasked = new LinkedHashMap<>();
  private final Set<String> askedWorkers = new LinkedHashSet<>();
  private final Random random;
  private long clock;

  private AskReplay(LabelDataset data, long seed, ModelParameters parameters) {
    this.data = data;
    this.network = new BeliefNetwork(parameters);
    this.random = new Random(seed);
    List<LabelDataset.Answer> answers = new ArrayList<>(data.answers());
    Collections.shuffle(answers, random);
    Set<String> workers = new HashSet<>();
    for (LabelDataset.Answer answer : answers) {
      unasked.computeIfAbsent(answer.question(), q -> new ArrayList<>()).add(answer);
      if (workers.add(answer.worker())) {
        network.register(
            new AgentProfile(answer.worker(), answer.worker(), IdentityTier.VERIFIED, 0));
      }
    }
  }

  /**
   * Both strategies with the same {@code budget}, on seeds {@code firstSeed} to {@code firstSeed +
   * runs - 1}: their mean scores, and asking by expected loss compared with asking at random.
   */
  public static SeedSweep.Result sweep(LabelDataset data, double budget, long firstSeed, int runs) {
    List<List<MethodResult>> perRun = new ArrayList<>();
    for (int r = 0; r < runs; r++) {
      List<MethodResult> run = new ArrayList<>();
      for (Strategy strategy : Strategy.values()) {
        run.add(AskReplay.run(data, budget, strategy, firstSeed + r, ModelParameters.defaults()));
      }
      perRun.add(run);
    }
    return SeedSweep.summarize(perRun);
  }

  /**
   * Spends {@code budget} (0 to 1, a share of the data's answers) by {@code strategy}; the scores
   * of every question with known truth.
   */
  public static MethodResult run(
      LabelDataset data, double budget, Strategy strategy, long seed, ModelParameters parameters) {
    if (!(budget > 0 && budget <= 1)) {
      throw new IllegalArgumentException(
          "ask budget " + budget + ": give a share of the data's answers, above 0 and at most 1");
    }
    AskReplay replay = new AskReplay(data, seed, parameters);
    int total = (int) Math.round(budget * data.answers().size());
    int perRound = Math.max(1, (int) Math.ceil(total / (double) ROUNDS));
    for (int asked = 0; asked < total; ) {
      List<LabelDataset.Answer> round =
          strategy == Strategy.RANDOM
              ? replay.randomPairs(Math.min(perRound, total - asked))
              : replay.mostValuablePairs(Math.min(perRound, total - asked));
      if (round.isEmpty()) {
        break;
      }
      round.forEach(replay::ask);
      asked += round.size();
    }
    return replay.score(strategy.method);
  }

  private List<LabelDataset.Answer> randomPairs(int count) {
    List<LabelDataset.Answer> pool = new ArrayList<>();
    unasked.values().forEach(pool::addAll);
    Collections.shuffle(pool, random);
    return pool.subList(0, Math.min(count, pool.size()));
  }

  /** Per question its most valuable unasked worker; the {@code count} most valuable questions. */
  private List<LabelDataset.Answer> mostValuablePairs(int count) {
    Map<String, double[][]> confusions = new HashMap<>();
    double[][] newcomer = population();
    List<Map.Entry<LabelDataset.Answer, Double>> best = new ArrayList<>();
    for (Map.Entry<String, List<LabelDataset.Answer>> question : unasked.entrySet()) {
      double[] belief = belief(question.getKey());
      LabelDataset.Answer chosen = null;
      double value = -1;
      for (LabelDataset.Answer answer : question.getValue()) {
        double[][] confusion =
            confusions.computeIfAbsent(answer.worker(), w -> confusion(w, newcomer));
        double worth = EvidenceValue.expectedLossReduction(belief, confusion);
        if (worth > value) {
          value = worth;
          chosen = answer;
        }
      }
      if (chosen != null) {
        best.add(Map.entry(chosen, value));
      }
    }
    best.sort(Map.Entry.<LabelDataset.Answer, Double>comparingByValue(Comparator.reverseOrder()));
    return best.stream().limit(count).map(Map.Entry::getKey).toList();
  }

  private void ask(LabelDataset.Answer answer) {
    unasked.get(answer.question()).remove(answer);
    askedWorkers.add(answer.worker());
    PropositionSpec proposition =
        PropositionSpec.of(answer.question(), data.name(), data.outcomeCount());
    network.claim(Claim.label(proposition, answer.worker(), clock++, answer.label()));
  }

  /** The current belief, or an even one about a question nobody was asked about. */
  private double[] belief(String question) {
    return network
        .belief(question)
        .map(b -> b.distribution())
        .orElseGet(() -> even(data.outcomeCount()));
  }

  /** What is learned of the worker in the data's domain, or {@code newcomer} if nothing yet. */
  private double[][] confusion(String worker, double[][] newcomer) {
    return network.reliability(worker, data.name()).map(Reliability::confusion).orElse(newcomer);
  }

  /**
   * A newcomer's confusion: the mean of the workers asked so far, or, before anyone was, right with
   * probability 1/2 + 1/(2K) and otherwise any other label.
   */
  private double[][] population() {
    int outcomes = data.outcomeCount();
    double[][] mean = new double[outcomes][outcomes];
    int known = 0;
    for (String worker : askedWorkers) {
      double[][] confusion = network.reliability(worker, data.name()).orElseThrow().confusion();
      for (int truth = 0; truth < outcomes; truth++) {
        for (int label = 0; label < outcomes; label++) {
          mean[truth][label] += confusion[truth][label];
        }
      }
      known++;
    }
    double right = 0.5 + 0.5 / outcomes;
    for (int truth = 0; truth < outcomes; truth++) {
      for (int label = 0; label < outcomes; label++) {
        mean[truth][label] =
            known > 0
                ? mean[truth][label] / known
                : truth == label ? right : (1 - right) / (outcomes - 1);
      }
    }
    return mean;
  }

  private static double[] even(int outcomes) {
    double[] belief = new double[outcomes];
    Arrays.fill(belief, 1.0 / outcomes);
    return belief;
  }

  private MethodResult score(String method) {
    ScoreAccumulator accumulator = new ScoreAccumulator(method);
    for (String question : data.answeredQuestions()) {
      Integer truth = data.truth().get(question);
      if (truth != null) {
        accumulator.add(belief(question), truth);
      }
    }
    return accumulator.result();
  }
}
