package io.beliefnet.model.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A crowd-labelling data set: {@code answer.csv} (question, worker, answer) and {@code truth.csv}
 * (question, truth). Labels are mapped to outcome indexes 0..K−1 in numeric order (text order if
 * not all numbers), K being the number of distinct labels in both files.
 *
 * @param answers in file order
 * @param truth the true outcome index per question, in file order
 */
public record LabelDataset(
    String name, List<String> labels, List<Answer> answers, Map<String, Integer> truth) {

  /** One worker's label for one question, as an outcome index. */
  public record Answer(String question, String worker, int label) {}

  /** Reads {@code answer.csv} and {@code truth.csv} from {@code directory}. */
  public static LabelDataset read(Path directory) {
    CsvTable answerTable =
        CsvTable.read(directory.resolve("answer.csv"), "question", "worker", "answer");
    CsvTable truthTable = CsvTable.read(directory.resolve("truth.csv"), "question", "truth");
    int question = answerTable.column("question");
    int worker = answerTable.column("worker");
    int answer = answerTable.column("answer");
    int truthQuestion = truthTable.column("question");
    int truthLabel = truthTable.column("truth");
    Set<String> distinct = new TreeSet<>();
    answerTable.rows().forEach(row -> distinct.add(row[answer]));
    truthTable.rows().forEach(row -> distinct.add(row[truthLabel]));
    List<String> labels = new ArrayList<>(distinct);
    labels.sort(labelOrder(labels));
    if (labels.size() < 2) {
      throw new IllegalArgumentException(
          directory + " has labels " + labels + ": need at least 2 distinct labels");
    }
    Map<String, Integer> index = new LinkedHashMap<>();
    for (int i = 0; i < labels.size(); i++) {
      index.put(labels.get(i), i);
    }
    List<Answer> answers = new ArrayList<>(answerTable.rows().size());
    for (String[] row : answerTable.rows()) {
      answers.add(new Answer(row[question], row[worker], index.get(row[answer])));
    }
    Map<String, Integer> truth = new LinkedHashMap<>();
    for (String[] row : truthTable.rows()) {
      truth.put(row[truthQuestion], index.get(row[truthLabel]));
    }
    return new LabelDataset(
        directory.getFileName().toString(), List.copyOf(labels), List.copyOf(answers), truth);
  }

  private static Comparator<String> labelOrder(List<String> labels) {
    boolean numeric = labels.stream().allMatch(label -> label.matches("-?\\d+(\\.\\d+)?"));
    return numeric ? Comparator.comparingDouble(Double::parseDouble) : Comparator.naturalOrder();
  }

  public int outcomeCount() {
    return labels.size();
  }

  /** Questions with at least one answer, in order of first answer. */
  public List<String> answeredQuestions() {
    Set<String> questions = new LinkedHashSet<>();
    answers.forEach(a -> questions.add(a.question()));
    return List.copyOf(questions);
  }
}
