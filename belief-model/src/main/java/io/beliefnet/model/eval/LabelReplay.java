package io.beliefnet.model.eval;

import io.beliefnet.model.AgentProfile;
import io.beliefnet.model.BeliefNetwork;
import io.beliefnet.model.Claim;
import io.beliefnet.model.IdentityTier;
import io.beliefnet.model.ModelParameters;
import io.beliefnet.model.Outcome;
import io.beliefnet.model.PropositionSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Replays a labelled data set through a {@link BeliefNetwork} as a stream: answers become claims in
 * file order (or a seeded shuffle), a seeded {@code reveal} fraction of questions get their outcome
 * right after their last claim, and the other questions are hidden and scored at the end, each with
 * its belief under the final reliabilities.
 *
 * <p>Workers carry no identity information in these data sets; they are registered as {@link
 * IdentityTier#VERIFIED} with their own controller and no stake: a neutral tier, so that the cap on
 * cheap identities, meant for sybils, does not act on ordinary crowd workers.
 */
public final class LabelReplay {
  private LabelReplay() {}

  /**
   * The hidden questions (answered, with known truth, not revealed) and the model's final beliefs.
   */
  public record Result(Set<String> hidden, Map<String, double[]> beliefs) {}

  /**
   * One step of the stream: a worker's answer, then its question's outcome if that is revealed
   * here.
   */
  public record Step(LabelDataset.Answer answer, boolean revealsOutcome) {}

  public static Result run(
      LabelDataset data, EvaluationOptions options, ModelParameters parameters) {
    BeliefNetwork network = new BeliefNetwork(parameters);
    Set<String> registered = new HashSet<>();
    List<Step> stream = stream(data, options);
    for (int i = 0; i < stream.size(); i++) {
      LabelDataset.Answer answer = stream.get(i).answer();
      if (registered.add(answer.worker())) {
        network.register(
            new AgentProfile(answer.worker(), answer.worker(), IdentityTier.VERIFIED, 0));
      }
      PropositionSpec proposition =
          PropositionSpec.of(answer.question(), data.name(), data.outcomeCount());
      network.claim(Claim.label(proposition, answer.worker(), i, answer.label()));
      if (stream.get(i).revealsOutcome()) {
        network.resolve(new Outcome(answer.question(), data.truth().get(answer.question()), i));
      }
    }
    Map<String, double[]> beliefs = new LinkedHashMap<>();
    Set<String> hidden = hidden(data, options);
    for (String question : hidden) {
      beliefs.put(question, network.belief(question).orElseThrow().distribution());
    }
    return new Result(hidden, beliefs);
  }

  /**
   * The stream {@link #run} applies, for replaying the very same stream elsewhere (through the live
   * job): answers in file order or the seeded shuffle, and each revealed question's outcome right
   * after its last answer.
   */
  public static List<Step> stream(LabelDataset data, EvaluationOptions options) {
    List<LabelDataset.Answer> answers = new ArrayList<>(data.answers());
    if (options.shuffle()) {
      Collections.shuffle(answers, new Random(options.seed()));
    }
    Set<String> revealed = revealed(data, options);
    Map<String, Integer> lastClaim = new HashMap<>();
    for (int i = 0; i < answers.size(); i++) {
      lastClaim.put(answers.get(i).question(), i);
    }
    List<Step> stream = new ArrayList<>(answers.size());
    for (int i = 0; i < answers.size(); i++) {
      String question = answers.get(i).question();
      stream.add(
          new Step(answers.get(i), lastClaim.get(question) == i && revealed.contains(question)));
    }
    return stream;
  }

  /**
   * The questions scored at the end, in order of first answer: answered, with truth, not revealed.
   */
  public static Set<String> hidden(LabelDataset data, EvaluationOptions options) {
    Set<String> revealed = revealed(data, options);
    Set<String> hidden = new LinkedHashSet<>();
    for (String question : data.answeredQuestions()) {
      if (data.truth().containsKey(question) && !revealed.contains(question)) {
        hidden.add(question);
      }
    }
    return hidden;
  }

  /** The seeded choice of questions whose outcome is revealed during the replay. */
  static Set<String> revealed(LabelDataset data, EvaluationOptions options) {
    List<String> candidates = new ArrayList<>();
    for (String question : data.answeredQuestions()) {
      if (data.truth().containsKey(question)) {
        candidates.add(question);
      }
    }
    Collections.shuffle(candidates, new Random(options.seed()));
    int count = (int) Math.round(options.reveal() * candidates.size());
    return new HashSet<>(candidates.subList(0, count));
  }
}
