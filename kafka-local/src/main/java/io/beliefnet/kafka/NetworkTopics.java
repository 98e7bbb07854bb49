package io.beliefnet.kafka;

import io.beliefnet.topics.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the network's topics with the partitioning and retention the design gives them. */
public final class NetworkTopics {

  private NetworkTopics() {}

  /**
   * Creates every {@link Topic} under its default name with {@code partitions} partitions and
   * replication factor 1; compacted topics get {@code cleanup.policy=compact}, and each topic its
   * {@link Topic#retention()} ({@code retention.ms=-1}: for ever). Topics that exist already are
   * left as they are.
   */
  public static void create(String bootstrapServers, int partitions) {
    create(bootstrapServers, partitions, defaultNames());
  }

  /** Creates every {@link Topic} under the name {@code names} gives it; see above. */
  public static void create(String bootstrapServers, int partitions, Map<Topic, String> names) {
    create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), partitions, names);
  }

  /**
   * As above, through an admin client built from {@code adminConfig}: for a secured broker, the
   * settings of a user allowed to create topics.
   */
  public static void create(
      Map<String, Object> adminConfig, int partitions, Map<Topic, String> names) {
    List<NewTopic> topics = new ArrayList<>();
    for (Topic topic : Topic.values()) {
      topics.add(
          new NewTopic(names.get(topic), partitions, (short) 1)
              .configs(
                  Map.of(
                      TopicConfig.CLEANUP_POLICY_CONFIG,
                      topic.compacted()
                          ? TopicConfig.CLEANUP_POLICY_COMPACT
                          : TopicConfig.CLEANUP_POLICY_DELETE,
                      TopicConfig.RETENTION_MS_CONFIG,
                      String.valueOf(topic.retention().map(Duration::toMillis).orElse(-1L)))));
    }
    try (Admin admin = Admin.create(adminConfig)) {
      for (NewTopic topic : topics) {
        createUnlessPresent(admin, topic);
      }
    }
  }

  /** Creates {@code topic}, a topic of no {@link Topic} kind, unless it exists already. */
  public static void create(String bootstrapServers, NewTopic topic) {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      createUnlessPresent(admin, topic);
    }
  }

  /** Every {@link Topic} under its default name. */
  public static Map<Topic, String> defaultNames() {
    Map<Topic, String> names = new EnumMap<>(Topic.class);
    for (Topic topic : Topic.values()) {
      names.put(topic, topic.defaultName());
    }
    return names;
  }

  private static void createUnlessPresent(Admin admin, NewTopic topic) {
    try {
      admin.createTopics(List.of(topic)).all().get();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("cannot create topic " + topic.name(), e.getCause());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topic " + topic.name(), e);
    }
  }
}
