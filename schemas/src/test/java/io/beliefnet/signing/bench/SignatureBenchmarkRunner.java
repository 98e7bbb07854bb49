package io.beliefnet.signing.bench;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link SignatureBenchmarks}. From the project root:
 *
 * <pre>
 * ./mvnw -q -pl schemas test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/test.classpath
 * cd schemas &amp;&amp; java -cp target/test-classes:target/classes:$(cat target/test.classpath) \
 *     io.beliefnet.signing.bench.SignatureBenchmarkRunner
 * </pre>
 */
public final class SignatureBenchmarkRunner {
  private SignatureBenchmarkRunner() {}

  public static void main(String[] args) throws RunnerException {
    new Runner(new OptionsBuilder().include(SignatureBenchmarks.class.getSimpleName()).build())
        .run();
  }
}
