package io.beliefnet.pipeline;

import io.beliefnet.avro.Belief;
import java.util.List;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * The operator of the {@link PropositionStage}: Flink's keyed-broadcast operator, which also hands
 * the stage's summed feedback downstream just before each checkpoint barrier, so that it is part of
 * the checkpoint whose state it came from.
 */
final class FeedbackFlushingOperator
    extends CoBroadcastWithKeyedOperator<
        Tuple2<String, String>, InputEvent, DomainSnapshot, Belief> {

  private static final long serialVersionUID = 1L;

  FeedbackFlushingOperator(PropositionStage stage) {
    super(stage, List.of(DomainSnapshot.LATEST, DomainSnapshot.CANDIDATES));
  }

  @Override
  public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
    super.prepareSnapshotPreBarrier(checkpointId);
    // no event time: the record gets the wall-clock time it is written at, which the feedback
    // topic's retention counts from
    ((PropositionStage) userFunction)
        .flushFeedback(
            feedback -> output.collect(PropositionStage.FEEDBACK, new StreamRecord<>(feedback)));
  }
}
