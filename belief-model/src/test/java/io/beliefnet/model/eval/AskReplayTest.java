package io.beliefnet.model.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.beliefnet.model.ModelParameters;
import io.beliefnet.model.eval.AskReplay.Strategy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AskReplayTest {

  /** 150 three-way questions, each answered by all of 12 workers: 3 sharp, 9 near-random. */
  private static LabelDataset crowd() {
    Random random = new Random(3);
    List<LabelDataset.Answer> answers = new ArrayList<>();
    Map<String, Integer> truth = new HashMap<>();
    for (int q = 0; q < 150; q++) {
      int label = random.nextInt(3);
      truth.put("q" + q, label);
      for (int w = 0; w < 12; w++) {
        double accuracy = w < 3 ? 0.9 : 0.4;
        int answer = random.nextDouble() < accuracy ? label : random.nextInt(3);
        answers.add(new LabelDataset.Answer("q" + q, "w" + w, answer));
      }
    }
    return new LabelDataset("crowd", List.of("a", "b", "c"), answers, truth);
  }

  @Test
  void askingByExpectedLossBeatsAskingAtRandomWithTheSameBudget() {
    SeedSweep.Result result = AskReplay.sweep(crowd(), 0.2, 1, 3);

    assertThat(result.means()).extracting(MethodResult::scored).containsOnly(450);
    assertThat(result.comparisons())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.method()).isEqualTo("ask-expected-loss");
              assertThat(c.baseline()).isEqualTo("ask-random");
              assertThat(c.meanDifference()).isGreaterThan(0.05);
            });
  }

  @Test
  void theBudgetIsAShareOfTheAnswers() {
    assertThatThrownBy(
            () -> AskReplay.run(crowd(), 0, Strategy.RANDOM, 1, ModelParameters.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("above 0 and at most 1");
  }
}
