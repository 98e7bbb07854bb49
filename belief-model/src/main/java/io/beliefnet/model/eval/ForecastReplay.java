package io.beliefnet.model.eval;

import io.beliefnet.model.AgentProfile;
import io.beliefnet.model.BeliefNetwork;
import io.beliefnet.model.Claim;
import io.beliefnet.model.IdentityTier;
import io.beliefnet.model.ModelParameters;
import io.beliefnet.model.Outcome;
import io.beliefnet.model.PropositionSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Replays a forecasting data set in time order: forecasts become probability claims, outcomes
 * arrive at their resolution time (a forecast at the same instant comes first), and each question
 * is scored with its belief just before its outcome arrived, so reliability is learned only from
 * what was known then. Forecasters are registered as {@link IdentityTier#VERIFIED}, each its own
 * controller, as in {@link LabelReplay}.
 *
 * <p>Baselines on the same questions: the mean, and the mean log-odds, of each forecaster's latest
 * forecast before resolution, clamped to [{@value #CLAMP}, 1 − {@value #CLAMP}]; and, as a
 * hindsight reference no streaming method can see, that log-odds mean recalibrated by a fit to the
 * other questions' outcomes ({@link CrossValidatedRecalibration}).
 */
public final class ForecastReplay {
  static final double CLAMP = 0.01;

  /** Draws the recalibration's folds: fixed, so the reference is the same in every run. */
  private static final long RECALIBRATION_SEED = 1;

  private ForecastReplay() {}

  public static List<MethodResult> run(ForecastDataset data, ModelParameters parameters) {
    record Event(long time, int kind, int index) {}
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < data.forecasts().size(); i++) {
      events.add(new Event(data.forecasts().get(i).time(), 0, i));
    }
    List<String> questions = new ArrayList<>(data.truth().keySet());
    for (int i = 0; i < questions.size(); i++) {
      events.add(new Event(data.truth().get(questions.get(i)).resolvedAt(), 1, i));
    }
    events.sort(
        Comparator.comparingLong(Event::time)
            .thenComparingInt(Event::kind)
            .thenComparingInt(Event::index));

    BeliefNetwork network = new BeliefNetwork(parameters);
    Set<String> registered = new HashSet<>();
    Map<String, TreeMap<String, Double>> latest = new LinkedHashMap<>();
    ScoreAccumulator model = new ScoreAccumulator("model");
    ScoreAccumulator mean = new ScoreAccumulator("mean");
    ScoreAccumulator logOddsMean = new ScoreAccumulator("logodds-mean");
    List<CrossValidatedRecalibration.Question> scored = new ArrayList<>();
    for (Event event : events) {
      if (event.kind() == 0) {
        ForecastDataset.Forecast forecast = data.forecasts().get(event.index());
        if (!data.truth().containsKey(forecast.question())) {
          continue;
        }
        if (registered.add(forecast.worker())) {
          network.register(
              new AgentProfile(forecast.worker(), forecast.worker(), IdentityTier.VERIFIED, 0));
        }
        PropositionSpec proposition = PropositionSpec.of(forecast.question(), data.name(), 2);
        network.claim(
            Claim.distribution(
                proposition,
                forecast.worker(),
                forecast.time(),
                1 - forecast.probability(),
                forecast.probability()));
        latest
            .computeIfAbsent(forecast.question(), q -> new TreeMap<>())
            .put(forecast.worker(), forecast.probability());
        continue;
      }
      String question = questions.get(event.index());
      ForecastDataset.Resolution resolution = data.truth().get(question);
      double[] belief =
          network.belief(question).map(b -> b.distribution()).orElse(new double[] {0.5, 0.5});
      model.add(belief, resolution.outcome());
      TreeMap<String, Double> forecasts = latest.getOrDefault(question, new TreeMap<>());
      mean.add(binary(averageProbability(forecasts)), resolution.outcome());
      double meanLogOdds = meanLogOdds(forecasts);
      logOddsMean.add(
          binary(CrossValidatedRecalibration.sigmoid(meanLogOdds)), resolution.outcome());
      scored.add(
          new CrossValidatedRecalibration.Question(
              meanLogOdds, forecasts.size(), resolution.outcome()));
      network.resolve(new Outcome(question, resolution.outcome(), resolution.resolvedAt()));
    }
    ScoreAccumulator recalibrated = new ScoreAccumulator("logodds-recalibrated-cv");
    double[] yes = CrossValidatedRecalibration.predict(scored, RECALIBRATION_SEED);
    for (int i = 0; i < scored.size(); i++) {
      recalibrated.add(binary(yes[i]), scored.get(i).outcome());
    }
    return List.of(model.result(), mean.result(), logOddsMean.result(), recalibrated.result());
  }

  private static double[] binary(double yes) {
    return new double[] {1 - yes, yes};
  }

  private static double clamp(double p) {
    return Math.min(1 - CLAMP, Math.max(CLAMP, p));
  }

  private static double averageProbability(TreeMap<String, Double> forecasts) {
    if (forecasts.isEmpty()) {
      return 0.5;
    }
    double sum = 0;
    for (double p : forecasts.values()) {
      sum += clamp(p);
    }
    return sum / forecasts.size();
  }

  private static double meanLogOdds(TreeMap<String, Double> forecasts) {
    if (forecasts.isEmpty()) {
      return 0;
    }
    double sum = 0;
    for (double p : forecasts.values()) {
      double c = clamp(p);
      sum += Math.log(c / (1 - c));
    }
    return sum / forecasts.size();
  }
}
