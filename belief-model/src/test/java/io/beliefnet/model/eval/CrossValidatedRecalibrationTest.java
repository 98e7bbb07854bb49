package io.beliefnet.model.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.beliefnet.model.eval.CrossValidatedRecalibration.Question;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CrossValidatedRecalibrationTest {

  /** Over-confident forecasters: the truth follows half their log-odds, shifted towards no. */
  private static List<Question> overConfident(int count, int forecasters, long seed) {
    Random random = new Random(seed);
    List<Question> questions = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      double logOdds = random.nextGaussian() * 3;
      double yes = 1 / (1 + Math.exp(-(-0.4 + 0.5 * logOdds)));
      questions.add(new Question(logOdds, forecasters, random.nextDouble() < yes ? 1 : 0));
    }
    return questions;
  }

  @Test
  void fitFindsTheInterceptAndSlopeTheOutcomesFollow() {
    double[] fit = CrossValidatedRecalibration.fit(overConfident(20_000, 1, 3));

    assertThat(fit[0]).isCloseTo(-0.4, within(0.06));
    assertThat(fit[1]).isCloseTo(0.5, within(0.03));
  }

  @Test
  void forecastsAtTheClampThatSayNothingFitAFlatLineInsteadOfDiverging() {
    // at both extremes one question resolved yes and one no: the forecasts carry no information
    List<Question> sample =
        List.of(
            new Question(4.6, 1, 1),
            new Question(4.6, 1, 0),
            new Question(-4.6, 1, 1),
            new Question(-4.6, 1, 0));

    double[] fit = CrossValidatedRecalibration.fit(sample);

    assertThat(fit[0]).isCloseTo(0, within(1e-6));
    assertThat(fit[1]).isBetween(0.0, 0.1);
  }

  @Test
  void anEmptySampleLeavesTheForecastsAsTheyAre() {
    assertThat(CrossValidatedRecalibration.fit(List.of())).containsExactly(0, 1);
  }

  @Test
  void heldOutPredictionsBeatTheRawForecastsOfOverConfidentForecasters() {
    List<Question> questions = new ArrayList<>(overConfident(3_000, 1, 5));
    questions.addAll(overConfident(3_000, 4, 6));

    double[] yes = CrossValidatedRecalibration.predict(questions, 1);

    double recalibrated = 0;
    double raw = 0;
    for (int i = 0; i < questions.size(); i++) {
      Question question = questions.get(i);
      double face = 1 / (1 + Math.exp(-question.meanLogOdds()));
      recalibrated += Math.pow(yes[i] - question.outcome(), 2);
      raw += Math.pow(face - question.outcome(), 2);
    }
    assertThat(recalibrated).isLessThan(0.9 * raw);
    assertThat(CrossValidatedRecalibration.predict(questions, 1)).containsExactly(yes);
  }
}
