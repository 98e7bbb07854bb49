package io.beliefnet.model.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SparseWorldTest {

  @Test
  void aSeedDrawsOneWorldAndAnotherSeedAnother() {
    assertThat(SparseWorld.generate(7)).isEqualTo(SparseWorld.generate(7));
    assertThat(SparseWorld.generate(7).answers()).isNotEqualTo(SparseWorld.generate(8).answers());
  }

  @Test
  void everyQuestionHasItsFewAnswersFromDistinctWorkersAndTheBaseRateIsSkewed() {
    LabelDataset world = SparseWorld.generate(1);

    Map<String, Set<String>> workersByQuestion = new HashMap<>();
    world
        .answers()
        .forEach(
            a ->
                workersByQuestion
                    .computeIfAbsent(a.question(), q -> new HashSet<>())
                    .add(a.worker()));
    assertThat(workersByQuestion).hasSize(SparseWorld.QUESTIONS);
    assertThat(workersByQuestion.values())
        .allSatisfy(workers -> assertThat(workers).hasSize(SparseWorld.ANSWERS_PER_QUESTION));
    assertThat(world.outcomeCount()).isEqualTo(SparseWorld.OUTCOMES);
    long commonest = world.truth().values().stream().filter(t -> t == 0).count();
    assertThat(commonest).isBetween(300L, 360L); // 0.55 of 600
  }

  @Test
  void withAFifthOfOutcomesTheModelBeatsMajorityVoteAndDawidSkeneOverTenWorlds() {
    SeedSweep.Result sweep = SeedSweep.run(SparseWorld::generate, EvaluationOptions.of(0.2, 1), 10);

    // measured: 0.7692 against majority vote 0.7617 and Dawid-Skene 0.6048
    assertThat(sweep.comparisons())
        .filteredOn(c -> List.of("majority", "dawid-skene").contains(c.baseline()))
        .hasSize(2)
        .allSatisfy(c -> assertThat(c.meanDifference()).isPositive());
  }

  @Test
  void evaluationPrintsEveryMethodAndWithSeveralRunsTheComparisons() {
    List<String> one = SparseWorld.evaluate(EvaluationOptions.of(0, 1), 1);
    List<String> two = SparseWorld.evaluate(EvaluationOptions.of(0, 1), 2);

    assertThat(one).first().asString().startsWith("method=model ");
    assertThat(one).noneMatch(line -> line.startsWith("compare "));
    assertThat(two).anyMatch(line -> line.startsWith("compare method=model baseline=majority "));
  }
}
