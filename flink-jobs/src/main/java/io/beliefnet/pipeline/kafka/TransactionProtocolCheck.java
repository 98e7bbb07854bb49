package io.beliefnet.pipeline.kafka;

import io.beliefnet.pipeline.BeliefJobConfig;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.FinalizedVersionRange;

/**
 * Refuses to build the job's sinks against a cluster whose transaction protocol they cannot recover
 * under. With {@code transaction.version} 2 (the default of new Kafka 4 clusters) the Flink Kafka
 * sink cannot resume a commit that was pending when a task failed, so the output of that checkpoint
 * would be lost; version 1 (or a cluster without the feature) is safe.
 */
public final class TransactionProtocolCheck {

  static final String FEATURE = "transaction.version";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private TransactionProtocolCheck() {}

  /**
   * Returns if the configured cluster runs transaction protocol version 1 or older.
   *
   * @throws IllegalStateException naming the version found and how to set it, or saying that the
   *     cluster could not be asked
   */
  public static void require(BeliefJobConfig config) {
    Properties properties = new Properties();
    properties.putAll(config.kafkaProperties());
    properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    short version;
    try (Admin admin = Admin.create(properties)) {
      FinalizedVersionRange range =
          admin
              .describeFeatures()
              .featureMetadata()
              .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
              .finalizedFeatures()
              .get(FEATURE);
      version = range == null ? 0 : range.maxVersionLevel();
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "cannot read the features of the Kafka cluster at "
              + config.bootstrapServers()
              + " within "
              + TIMEOUT
              + " ("
              + e
              + "): check the address and that the job's"
              + " principal may describe the cluster",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the cluster's features", e);
    }
    if (version > 1) {
      throw new IllegalStateException(
          "the Kafka cluster at "
              + config.bootstrapServers()
              + " runs "
              + FEATURE
              + "="
              + version
              + ": under it the job's exactly-once sinks cannot resume a commit that"
              + " was pending when a task failed, and that output would be lost. Set it to 1"
              + " (kafka-features.sh --bootstrap-server "
              + config.bootstrapServers()
              + " downgrade --feature "
              + FEATURE
              + "=1), or format new clusters with"
              + " --feature "
              + FEATURE
              + "=1");
    }
  }
}
