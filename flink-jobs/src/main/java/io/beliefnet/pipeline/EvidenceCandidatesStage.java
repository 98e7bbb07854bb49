package io.beliefnet.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by domain: keeps the domain's {@link #KEPT} most informative agents, the ones the network
 * may ask for evidence, and sends the list to the proposition stage when it changes enough to
 * matter: an agent joins or leaves it, or a kept agent's informativeness moves by more than {@link
 * #TOLERANCE} of itself. Its input is one record per change of an agent's reliability in the
 * domain; its state is the list (a few KB per domain).
 */
public final class EvidenceCandidatesStage
    extends KeyedProcessFunction<String, EvidenceCandidate, DomainSnapshot> {

  /** Agents kept per domain: enough to ask a few per proposition while some are busy or asked. */
  static final int KEPT = 32;

  /** A relative move in a kept agent's informativeness worth telling every proposition subtask. */
  static final double TOLERANCE = 0.1;

  private static final Comparator<EvidenceCandidate> MOST_INFORMATIVE =
      Comparator.comparingDouble((EvidenceCandidate c) -> c.informativeness)
          .reversed()
          .thenComparing(c -> c.agentId);

  private transient ValueState<EvidenceCandidate[]> kept;

  @Override
  public void open(OpenContext openContext) {
    kept =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>(
                    "evidence-candidates", TypeInformation.of(EvidenceCandidate[].class)));
  }

  @Override
  public void processElement(
      EvidenceCandidate candidate, Context context, Collector<DomainSnapshot> out)
      throws Exception {
    EvidenceCandidate[] before = kept.value();
    List<EvidenceCandidate> candidates = new ArrayList<>();
    EvidenceCandidate previous = null;
    if (before != null) {
      for (EvidenceCandidate known : before) {
        if (known.agentId.equals(candidate.agentId)) {
          previous = known;
        } else {
          candidates.add(known);
        }
      }
    }
    candidates.add(candidate);
    candidates.sort(MOST_INFORMATIVE);
    List<EvidenceCandidate> best = candidates.subList(0, Math.min(KEPT, candidates.size()));
    boolean isKept = best.contains(candidate);
    if (previous == null && !isKept) {
      return; // not among the best, and none of them changed
    }
    EvidenceCandidate[] after = best.toArray(new EvidenceCandidate[0]);
    kept.update(after);
    boolean moved =
        previous == null
            || !isKept
            || Math.abs(candidate.informativeness - previous.informativeness)
                > TOLERANCE * previous.informativeness;
    if (moved) {
      out.collect(DomainSnapshot.ofCandidates(context.getCurrentKey(), after));
    }
  }
}
