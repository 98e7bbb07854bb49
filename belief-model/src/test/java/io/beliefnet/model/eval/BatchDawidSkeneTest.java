package io.beliefnet.model.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.beliefnet.model.ProbabilityVectors;
import io.beliefnet.model.eval.BatchDawidSkene.WorkerModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BatchDawidSkeneTest {

  @Test
  void oneCoinLearnsWhichWorkersToTrustAndBeatsTheMajority() {
    // two workers right 90 % of the time and three right 60 %, each erring independently
    Random random = new Random(7);
    Map<String, Double> accuracy =
        Map.of("good-1", 0.9, "good-2", 0.9, "poor-1", 0.6, "poor-2", 0.6, "poor-3", 0.6);
    List<LabelDataset.Answer> answers = new ArrayList<>();
    Map<String, Integer> truth = new HashMap<>();
    for (int i = 0; i < 400; i++) {
      String question = "q" + i;
      int right = random.nextInt(2);
      truth.put(question, right);
      for (String worker : List.of("good-1", "good-2", "poor-1", "poor-2", "poor-3")) {
        int label = random.nextDouble() < accuracy.get(worker) ? right : 1 - right;
        answers.add(new LabelDataset.Answer(question, worker, label));
      }
    }
    LabelDataset data = new LabelDataset("one-coin", List.of("0", "1"), answers, truth);

    int oneCoinRight =
        correct(BatchDawidSkene.predict(data, Map.of(), WorkerModel.ONE_COIN), truth);
    int majorityRight = correct(MajorityVote.predict(data), truth);

    assertThat(oneCoinRight).isGreaterThan(majorityRight + 10);
  }

  @Test
  void maceTellsWorkersWhoAlwaysGiveOneLabelFromWorkersWhoKnow() {
    // three workers right 75 % of the time, and three who answer 0 whatever the truth
    Random random = new Random(11);
    List<LabelDataset.Answer> answers = new ArrayList<>();
    Map<String, Integer> truth = new HashMap<>();
    for (int i = 0; i < 300; i++) {
      String question = "q" + i;
      int right = random.nextInt(3);
      truth.put(question, right);
      for (int w = 0; w < 3; w++) {
        int label = random.nextDouble() < 0.75 ? right : (right + 1 + random.nextInt(2)) % 3;
        answers.add(new LabelDataset.Answer(question, "knows-" + w, label));
        answers.add(new LabelDataset.Answer(question, "spams-" + w, 0));
      }
    }
    LabelDataset data = new LabelDataset("mace", List.of("0", "1", "2"), answers, truth);

    int maceRight = correct(BatchDawidSkene.predict(data, Map.of(), WorkerModel.MACE), truth);
    int majorityRight = correct(MajorityVote.predict(data), truth);

    assertThat(maceRight).isGreaterThan(majorityRight + 50);
  }

  private static int correct(Map<String, double[]> posteriors, Map<String, Integer> truth) {
    int right = 0;
    for (Map.Entry<String, Integer> question : truth.entrySet()) {
      if (ProbabilityVectors.argmax(posteriors.get(question.getKey())) == question.getValue()) {
        right++;
      }
    }
    return right;
  }
}
