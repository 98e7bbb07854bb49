package io.beliefnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EvalCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int belief(String... args) {
    CommandLine commandLine = BeliefCli.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  /** 40 items, 2 labels, 5 workers: two right 90% of the time, three at chance. */
  private static Path labelDataset(Path dir) throws IOException {
    Random random = new Random(1);
    StringBuilder answers = new StringBuilder("question,worker,answer\n");
    StringBuilder truth = new StringBuilder("question,truth\n");
    for (int q = 0; q < 40; q++) {
      int t = random.nextInt(2);
      truth.append(q).append(',').append(t).append('\n');
      for (int w = 0; w < 5; w++) {
        int label = random.nextDouble() < (w < 2 ? 0.9 : 0.5) ? t : 1 - t;
        answers.append(q).append(",w").append(w).append(',').append(label).append('\n');
      }
    }
    Files.writeString(dir.resolve("answer.csv"), answers);
    Files.writeString(dir.resolve("truth.csv"), truth);
    return dir;
  }

  @Test
  void printsOneLinePerMethodOrASweepOverSeeds(@TempDir Path dir) throws IOException {
    labelDataset(dir);

    assertThat(belief("eval", "--data", dir.toString(), "--reveal", "0.25")).isZero();
    assertThat(out.toString().lines()).hasSize(7).allMatch(line -> line.startsWith("method="));

    out.getBuffer().setLength(0);
    assertThat(belief("eval", "--data", dir.toString(), "--reveal", "0.25", "--runs", "3"))
        .isZero();
    assertThat(out.toString().lines().filter(line -> line.startsWith("method="))).hasSize(7);
    assertThat(out.toString().lines().filter(line -> line.startsWith("compare method=model")))
        .hasSize(6);
  }

  @Test
  void replaysTheSeededSparseWorldInsteadOfAFolder() {
    assertThat(belief("eval", "--sparse-world", "--seed", "3")).isZero();
    assertThat(out.toString().lines()).hasSize(7).allMatch(line -> line.startsWith("method="));

    assertThat(belief("eval", "--sparse-world", "--ask", "0.5")).isEqualTo(2);
    assertThat(belief("eval", "--sparse-world", "--data", ".")).isEqualTo(2);
    assertThat(err.toString()).contains("--ask replays a data set's answers");
  }

  @Test
  void badUsageIsOneLineSayingWhatIsWrong(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("forecasts.csv"), "question,worker,time,probability\n");
    Files.writeString(dir.resolve("truth.csv"), "question,truth,resolved_at,opened_at\n");

    assertThat(belief("eval", "--data", dir.toString(), "--reveal", "2")).isEqualTo(2);
    assertThat(belief("eval", "--data", dir.toString(), "--runs", "3")).isEqualTo(2);

    assertThat(err.toString().lines())
        .hasSize(2)
        .anyMatch(line -> line.contains("--reveal 2.0 must be in [0, 1]"))
        .anyMatch(line -> line.contains("only labelled data has seeds to sweep"));
  }
}
