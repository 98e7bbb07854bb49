package io.beliefnet.model.eval;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A forecasting data set: {@code forecasts.csv} (question, worker, time, probability of yes) and
 * {@code truth.csv} (question, truth 0/1, resolved_at, ...). Times are ISO-8601 with an offset; a
 * space between date and time is accepted.
 */
public record ForecastDataset(
    String name, List<Forecast> forecasts, Map<String, Resolution> truth) {

  /** One forecast: probability that {@code question} resolves yes, at {@code time} (epoch ms). */
  public record Forecast(String question, String worker, long time, double probability) {}

  /** How and when a question resolved: {@code outcome} 1 = yes, 0 = no. */
  public record Resolution(int outcome, long resolvedAt) {}

  public static ForecastDataset read(Path directory) {
    CsvTable forecastTable =
        CsvTable.read(
            directory.resolve("forecasts.csv"), "question", "worker", "time", "probability");
    CsvTable truthTable =
        CsvTable.read(directory.resolve("truth.csv"), "question", "truth", "resolved_at");
    int question = forecastTable.column("question");
    int worker = forecastTable.column("worker");
    int time = forecastTable.column("time");
    int probability = forecastTable.column("probability");
    List<Forecast> forecasts = new ArrayList<>(forecastTable.rows().size());
    for (String[] row : forecastTable.rows()) {
      double p = Double.parseDouble(row[probability]);
      if (!(p >= 0 && p <= 1)) {
        throw new IllegalArgumentException(
            forecastTable.file()
                + ": question "
                + row[question]
                + " has probability "
                + p
                + ": must be in [0, 1]");
      }
      forecasts.add(
          new Forecast(row[question], row[worker], epochMillis(row[time], forecastTable), p));
    }
    Map<String, Resolution> truth = new LinkedHashMap<>();
    int truthQuestion = truthTable.column("question");
    int truthValue = truthTable.column("truth");
    int resolvedAt = truthTable.column("resolved_at");
    for (String[] row : truthTable.rows()) {
      int outcome = Integer.parseInt(row[truthValue]);
      if (outcome != 0 && outcome != 1) {
        throw new IllegalArgumentException(
            truthTable.file()
                + ": question "
                + row[truthQuestion]
                + " has truth "
                + outcome
                + ": must be 0 (no) or 1 (yes)");
      }
      truth.put(
          row[truthQuestion], new Resolution(outcome, epochMillis(row[resolvedAt], truthTable)));
    }
    return new ForecastDataset(directory.getFileName().toString(), List.copyOf(forecasts), truth);
  }

  private static long epochMillis(String text, CsvTable table) {
    try {
      return OffsetDateTime.parse(text.strip().replace(' ', 'T')).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          table.file()
              + " has time '"
              + text
              + "': expected ISO-8601 with offset, e.g. 2008-06-20 03:46:16+00:00",
          e);
    }
  }
}
