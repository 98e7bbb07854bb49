package io.beliefnet.pipeline;

import io.beliefnet.registry.WireFormatException;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits out a schema registry that cannot be reached: a call that needs it is repeated, the wait
 * doubling up to {@link #MAX_WAIT}, until the registry answers. For calls where giving up would
 * lose a record (decoding an input whose schema is there, only not reachable now) or fail the job
 * in a loop (registering an output's schema at start): the wait holds the task, and its input backs
 * up in Kafka instead.
 */
public final class RegistryWait {

  private static final Logger LOG = LoggerFactory.getLogger(RegistryWait.class);
  private static final Duration FIRST_WAIT = Duration.ofMillis(100);
  private static final Duration MAX_WAIT = Duration.ofSeconds(5);

  private RegistryWait() {}

  /**
   * What {@code call} returns once the registry answers; any other failure of it is thrown.
   *
   * @param what what is waiting, for the log
   */
  public static <T> T until(Supplier<T> call, Object what) {
    Duration wait = FIRST_WAIT;
    while (true) {
      try {
        return call.get();
      } catch (WireFormatException e) {
        if (e.reason() != WireFormatException.Reason.REGISTRY_UNAVAILABLE) {
          throw e;
        }
        LOG.warn("{} waits {} for the schema registry: {}", what, wait, e.getMessage());
        sleep(wait);
        wait = wait.multipliedBy(2);
        if (wait.compareTo(MAX_WAIT) > 0) {
          wait = MAX_WAIT;
        }
      }
    }
  }

  private static void sleep(Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      // the task is being cancelled: stop waiting and let it end
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the schema registry", e);
    }
  }
}
