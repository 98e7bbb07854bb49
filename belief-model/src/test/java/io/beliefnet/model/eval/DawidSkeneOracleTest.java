package io.beliefnet.model.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DawidSkeneOracleTest {

  @Test
  void aQuestionIsJudgedWithoutItsOwnTruth() {
    // one worker, right on both questions: what it said on q1 may only be read through q2
    LabelDataset data =
        new LabelDataset(
            "two-questions",
            List.of("0", "1"),
            List.of(new LabelDataset.Answer("q1", "w", 0), new LabelDataset.Answer("q2", "w", 1)),
            Map.of("q1", 0, "q2", 1));

    double[] q1 = DawidSkeneOracle.predict(data).get("q1");

    // prior from q2 alone: (1/3, 2/3); P(says 0 | truth 0): no other evidence, 1/2; P(says 0 |
    // truth 1): 1/3
    double unnormalisedTruth0 = (1.0 / 3) * (1.0 / 2);
    double unnormalisedTruth1 = (2.0 / 3) * (1.0 / 3);
    double total = unnormalisedTruth0 + unnormalisedTruth1;
    assertThat(q1[0]).isCloseTo(unnormalisedTruth0 / total, within(1e-12));
    assertThat(q1[1]).isCloseTo(unnormalisedTruth1 / total, within(1e-12));
  }
}
