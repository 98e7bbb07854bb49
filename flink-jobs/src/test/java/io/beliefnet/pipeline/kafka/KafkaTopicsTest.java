package io.beliefnet.pipeline.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.beliefnet.pipeline.BeliefJobConfig;
import io.beliefnet.pipeline.BeliefJobOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.flink.configuration.Configuration;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaTopicsTest {

  @Test
  void sinksLingerUpToATenthOfASecondForBatchesOf64Kilobytes() {
    Properties producer = KafkaTopics.producerProperties(BeliefJobConfig.from(new Configuration()));

    assertThat(producer)
        .containsEntry(ProducerConfig.LINGER_MS_CONFIG, "100")
        .containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, "65536");
  }

  @Test
  void thePropertiesFileSetsTheSinksBatchingWhenItNamesIt(@TempDir Path folder) throws Exception {
    Path file = folder.resolve("job.properties");
    Files.writeString(file, "linger.ms=5\nbuffer.memory=134217728\n");
    Configuration options = new Configuration();
    options.set(BeliefJobOptions.KAFKA_PROPERTIES_FILE, file.toString());

    Properties producer = KafkaTopics.producerProperties(BeliefJobConfig.from(options));

    assertThat(producer)
        .containsEntry(ProducerConfig.LINGER_MS_CONFIG, "5")
        .containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, "65536")
        .containsEntry(ProducerConfig.BUFFER_MEMORY_CONFIG, "134217728");
  }
}
