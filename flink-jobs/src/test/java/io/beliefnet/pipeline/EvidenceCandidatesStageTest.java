package io.beliefnet.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EvidenceCandidatesStageTest {

  private KeyedOneInputStreamOperatorTestHarness<String, EvidenceCandidate, DomainSnapshot> harness;

  @BeforeEach
  void open() throws Exception {
    harness =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(new EvidenceCandidatesStage()),
            candidate -> candidate.domain,
            Types.STRING);
    harness.open();
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  @Test
  void theMostInformativeAgentsAreKeptAndSentOnlyWhenTheListChangesEnough() throws Exception {
    for (int a = 0; a < EvidenceCandidatesStage.KEPT + 5; a++) {
      offer("agent-" + a, a + 1.0);
    }
    List<DomainSnapshot> sent = harness.extractOutputValues();
    DomainSnapshot latest = sent.get(sent.size() - 1);
    assertThat(latest.candidates).hasSize(EvidenceCandidatesStage.KEPT);
    assertThat(latest.candidates[0].agentId).isEqualTo("agent-36");
    assertThat(Arrays.stream(latest.candidates).map(c -> c.agentId)).doesNotContain("agent-0");
    int before = sent.size();

    offer("agent-0", 1.01); // still not among the best
    offer("agent-36", 37.5); // moves by less than the tolerance

    assertThat(harness.extractOutputValues()).hasSize(before);

    offer("agent-36", 20); // moves by more

    assertThat(harness.extractOutputValues()).hasSize(before + 1);
  }

  private void offer(String agent, double informativeness) throws Exception {
    EvidenceCandidate candidate = new EvidenceCandidate();
    candidate.agentId = agent;
    candidate.domain = "d";
    candidate.controller = agent;
    candidate.confusion = new double[] {0.9, 0.1, 0.1, 0.9};
    candidate.independence = 1;
    candidate.informativeness = informativeness;
    harness.processElement(new StreamRecord<>(candidate, 0));
  }
}
