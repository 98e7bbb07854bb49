package io.beliefnet.pipeline;

import io.beliefnet.model.DomainState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * What is learned about one domain as a whole, as the domain stage sends it to every subtask of the
 * claimant and proposition stages, which keep the latest per domain in broadcast state; or the
 * domain's agents the network may ask for evidence, as the evidence candidates stage sends them to
 * the proposition stage. A Flink POJO: one of {@code state} and {@code candidates} is set.
 */
public class DomainSnapshot {

  /** Broadcast state: the latest snapshot of each domain. */
  static final MapStateDescriptor<String, DomainState> LATEST =
      new MapStateDescriptor<>(
          "domain-snapshots", Types.STRING, TypeInformation.of(DomainState.class));

  /** Broadcast state: the latest candidates of each domain. */
  static final MapStateDescriptor<String, EvidenceCandidate[]> CANDIDATES =
      new MapStateDescriptor<>(
          "evidence-candidates", Types.STRING, TypeInformation.of(EvidenceCandidate[].class));

  public String domain;
  public DomainState state;
  public EvidenceCandidate[] candidates;

  public DomainSnapshot() {}

  DomainSnapshot(String domain, DomainState state) {
    this.domain = domain;
    this.state = state;
  }

  static DomainSnapshot ofCandidates(String domain, EvidenceCandidate[] candidates) {
    DomainSnapshot snapshot = new DomainSnapshot();
    snapshot.domain = domain;
    snapshot.candidates = candidates;
    return snapshot;
  }

  /** The latest snapshot of {@code domain} in {@code snapshots}; the empty state before any. */
  static DomainState latest(ReadOnlyBroadcastState<String, DomainState> snapshots, String domain)
      throws Exception {
    DomainState state = snapshots.get(domain);
    return state != null ? state : EMPTY;
  }

  /** Read only: the model reads a domain's state and never changes it outside the domain stage. */
  private static final DomainState EMPTY = new DomainState();
}
