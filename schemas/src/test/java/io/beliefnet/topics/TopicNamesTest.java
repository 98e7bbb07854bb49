package io.beliefnet.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicNamesTest {

  @Test
  void everyTopicKeepsItsDefaultNameUnlessRenamed() {
    TopicNames names = TopicNames.of(Map.of(Topic.CLAIMS, "prod.claims"));

    assertThat(names.of(Topic.CLAIMS)).isEqualTo("prod.claims");
    assertThat(names.of(Topic.BELIEFS)).isEqualTo("beliefs");
    assertThat(names.topicNamed("prod.claims")).contains(Topic.CLAIMS);
    assertThat(names.topicNamed("claims")).isEmpty();
    assertThat(TopicNames.defaults().asMap()).hasSize(Topic.values().length);
  }

  @Test
  void aTopicIsFoundByItsDefaultNameAndAnUnknownOneIsNamedInTheError() {
    assertThat(TopicNames.topic("agent-reliability")).isEqualTo(Topic.AGENT_RELIABILITY);
    assertThatThrownBy(() -> TopicNames.topic("belief"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'belief'")
        .hasMessageContaining("beliefs");
  }
}
