package io.beliefnet.ids;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdRulesTest {

  @Test
  void lengthCountsCodePointsNotUtf16Units() {
    String emoji = "\uD83D\uDE80"; // one code point, two UTF-16 units
    assertThat(IdRules.problem(emoji.repeat(204))).isEmpty();
    assertThat(IdRules.problem(emoji.repeat(257)))
        .hasValueSatisfying(p -> assertThat(p).contains("257 code points"));
  }

  @Test
  void blankAndMissingIdsAreRefused() {
    assertThat(IdRules.problem("")).isPresent();
    assertThat(IdRules.problem("   ")).isPresent();
    assertThat(IdRules.problem(null)).isPresent();
    assertThat(IdRules.problem("bridge-12")).isEmpty();
  }

  @Test
  void agentIdsCannotMakeTwoReliabilityKeysCollide() {
    // agent "a|b" in domain "c" would share a key with agent "a" in domain "b|c"
    assertThat(IdRules.keyPartProblem("a|b")).isPresent();
    assertThat(IdRules.keyPartProblem("a")).isEmpty();
    assertThat(IdRules.reliabilityKey("a", "b|c")).isEqualTo("a|b|c");
  }
}
