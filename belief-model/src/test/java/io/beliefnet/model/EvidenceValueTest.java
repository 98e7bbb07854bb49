package io.beliefnet.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EvidenceValueTest {

  private static double[][] symmetric(double accuracy) {
    return new double[][] {{accuracy, 1 - accuracy}, {1 - accuracy, accuracy}};
  }

  @Test
  void aPerfectAgentOnAnEvenBeliefIsWorthTheWholeEntropy() {
    double value = EvidenceValue.expectedLossReduction(new double[] {0.5, 0.5}, symmetric(1));

    assertThat(value).isCloseTo(Math.log(2), within(1e-12));
  }

  @Test
  void aCoinFlipperIsWorthNothingAndASettledBeliefGainsLittle() {
    assertThat(EvidenceValue.expectedLossReduction(new double[] {0.5, 0.5}, symmetric(0.5)))
        .isCloseTo(0, within(1e-12));
    assertThat(EvidenceValue.expectedLossReduction(new double[] {0.99, 0.01}, symmetric(0.9)))
        .isLessThan(EvidenceValue.expectedLossReduction(new double[] {0.6, 0.4}, symmetric(0.9)));
  }

  @Test
  void aMoreReliableAgentIsWorthMore() {
    double[] belief = {0.3, 0.7};

    assertThat(EvidenceValue.expectedLossReduction(belief, symmetric(0.9)))
        .isGreaterThan(EvidenceValue.expectedLossReduction(belief, symmetric(0.7)))
        .isGreaterThan(0);
  }
}
