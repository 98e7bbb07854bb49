package io.beliefnet.model.bench;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link BeliefBenchmarks}. From the project root:
 *
 * <pre>
 * ./mvnw -q -pl belief-model test-compile dependency:build-classpath -Dmdep.outputFile=target/test.classpath \
 *   &amp;&amp; java -cp belief-model/target/test-classes:belief-model/target/classes:$(cat belief-model/target/test.classpath) \
 *      io.beliefnet.model.bench.BeliefBenchmarkRunner
 * </pre>
 */
public final class BeliefBenchmarkRunner {
  private BeliefBenchmarkRunner() {}

  public static void main(String[] args) throws RunnerException {
    new Runner(new OptionsBuilder().include(BeliefBenchmarks.class.getSimpleName()).build()).run();
  }
}
