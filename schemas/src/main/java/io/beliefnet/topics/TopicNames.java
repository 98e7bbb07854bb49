package io.beliefnet.topics;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The name each {@link Topic} has on a cluster: its default name unless renamed, as the job's
 * {@code topic.<topic>} options, the SDK's builder and the command line's {@code --topic
 * <topic>=<name>} rename it.
 */
public final class TopicNames implements Serializable {
  private static final long serialVersionUID = 1L;

  private final EnumMap<Topic, String> names = new EnumMap<>(Topic.class);

  private TopicNames() {
    for (Topic topic : Topic.values()) {
      names.put(topic, topic.defaultName());
    }
  }

  /** Every topic under its default name. */
  public static TopicNames defaults() {
    return new TopicNames();
  }

  /** The defaults with the topics in {@code renamed} under the names it gives them. */
  public static TopicNames of(Map<Topic, String> renamed) {
    TopicNames names = new TopicNames();
    names.names.putAll(renamed);
    return names;
  }

  /** The name of {@code topic} on the cluster. */
  public String of(Topic topic) {
    return names.get(topic);
  }

  /** The topic named {@code name} on the cluster, if any. */
  public Optional<Topic> topicNamed(String name) {
    return names.entrySet().stream()
        .filter(entry -> entry.getValue().equals(name))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  /** Every topic with its name on the cluster. */
  public Map<Topic, String> asMap() {
    return Collections.unmodifiableMap(names);
  }

  /**
   * The topic whose default name is {@code defaultName}.
   *
   * @throws IllegalArgumentException listing the topics, if there is none
   */
  public static Topic topic(String defaultName) {
    for (Topic topic : Topic.values()) {
      if (topic.defaultName().equals(defaultName)) {
        return topic;
      }
    }
    throw new IllegalArgumentException(
        "there is no topic '"
            + defaultName
            + "': the topics are "
            + Arrays.stream(Topic.values()).map(Topic::defaultName).toList());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TopicNames that && names.equals(that.names);
  }

  @Override
  public int hashCode() {
    return names.hashCode();
  }

  @Override
  public String toString() {
    return names.toString();
  }
}
