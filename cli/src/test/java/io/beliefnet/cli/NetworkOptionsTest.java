package io.beliefnet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.beliefnet.topics.Topic;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class NetworkOptionsTest {

  @Test
  void topicsAreRenamedAsTheJobsTopicOptionsRenameThem() {
    CommandLine.ParseResult parsed =
        BeliefCli.commandLine()
            .parseArgs(
                "tail", "beliefs", "--topic", "beliefs=prod.beliefs", "--topic", "claims=prod.c");
    TailCommand tail = (TailCommand) parsed.subcommand().commandSpec().userObject();

    assertThat(tail.network.topicNames().of(Topic.BELIEFS)).isEqualTo("prod.beliefs");
    assertThat(tail.network.topicNames().of(Topic.CLAIMS)).isEqualTo("prod.c");
    assertThat(tail.network.topicNames().of(Topic.OUTCOMES)).isEqualTo("outcomes");
  }

  @Test
  void anUnknownTopicIsAParameterErrorThatListsTheTopics() {
    assertThatThrownBy(
            () ->
                BeliefCli.commandLine()
                    .parseArgs(
                        "get", "belief", "p", "--domain", "d", "--topic", "belief=prod.beliefs"))
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageContaining("there is no topic 'belief'")
        .hasMessageContaining("agent-reliability");
  }
}
