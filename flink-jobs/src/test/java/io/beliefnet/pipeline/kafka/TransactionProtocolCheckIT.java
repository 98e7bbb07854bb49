package io.beliefnet.pipeline.kafka;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.beliefnet.kafka.KafkaBroker;
import io.beliefnet.pipeline.BeliefJobConfig;
import io.beliefnet.pipeline.BeliefJobOptions;
import java.nio.file.Path;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.FeatureUpdate;
import org.apache.kafka.clients.admin.UpdateFeaturesOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransactionProtocolCheckIT {

  @Test
  void sinksAreRefusedUnderTransactionProtocolTwoAndAllowedAfterItIsSetToOne(@TempDir Path dir)
      throws Exception {
    try (KafkaBroker broker = KafkaBroker.start(dir);
        Admin admin =
            Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
      Configuration options = new Configuration();
      options.set(BeliefJobOptions.BOOTSTRAP_SERVERS, broker.bootstrapServers());
      options.set(BeliefJobOptions.SCHEMA_REGISTRY_URL, "http://127.0.0.1:1");
      BeliefJobConfig config = BeliefJobConfig.from(options);
      assertThatCode(() -> TransactionProtocolCheck.require(config)).doesNotThrowAnyException();

      setTransactionVersion(admin, 2, FeatureUpdate.UpgradeType.UPGRADE);

      assertThatThrownBy(() -> TransactionProtocolCheck.require(config))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("transaction.version=2")
          .hasMessageContaining("downgrade --feature transaction.version=1");

      setTransactionVersion(admin, 1, FeatureUpdate.UpgradeType.SAFE_DOWNGRADE);

      assertThatCode(() -> TransactionProtocolCheck.require(config)).doesNotThrowAnyException();
    }
  }

  private static void setTransactionVersion(
      Admin admin, int version, FeatureUpdate.UpgradeType type) throws Exception {
    admin
        .updateFeatures(
            Map.of(TransactionProtocolCheck.FEATURE, new FeatureUpdate((short) version, type)),
            new UpdateFeaturesOptions())
        .all()
        .get();
  }
}
