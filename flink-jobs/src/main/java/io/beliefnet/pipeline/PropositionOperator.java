package io.beliefnet.pipeline;

import io.beliefnet.avro.Belief;
import java.util.List;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * The operator of the {@link PropositionStage}: Flink's keyed-broadcast operator, which also holds
 * claims, outcomes and withdrawals until the watermark passes them and hands the stage's summed
 * feedback downstream just before each checkpoint barrier, so that it is part of the checkpoint
 * whose state it came from.
 *
 * <p>Everything the stage gets was released by the identity stage at a watermark, which that stage
 * sends on after the events: what waits here is what arrives between two watermarks, so it is held
 * in memory ({@link WatermarkHold}) rather than in keyed state with a timer per key and timestamp.
 * Released events are applied in timestamp order, and the stage's timers due before each timestamp
 * fire first, so a key sees its events and its expiry in the same order as if each had a timer.
 */
final class PropositionOperator
    extends CoBroadcastWithKeyedOperator<
        Tuple2<String, String>, InputEvent, DomainSnapshot, Belief> {

  private static final long serialVersionUID = 1L;

  private transient WatermarkHold<Tuple2<String, String>> hold;

  PropositionOperator(PropositionStage stage) {
    super(stage, List.of(DomainSnapshot.LATEST, DomainSnapshot.CANDIDATES));
  }

  @Override
  public void initializeState(StateInitializationContext context) throws Exception {
    super.initializeState(context);
    hold = WatermarkHold.restore(getKeyedStateBackend());
    getMetricGroup().gauge("events_held", (Gauge<Integer>) hold::size);
  }

  @Override
  public void processElement1(StreamRecord<InputEvent> record) throws Exception {
    InputEvent event = record.getValue();
    long watermark = combinedWatermark.getCombinedWatermark();
    boolean behind = event.source.timestamp <= watermark;
    if (event.isNotice() && (event.notice.withdrawSince == null || behind)) {
      // a new stamp corrects a weight and takes effect now; a withdrawal waits for the claims made
      // before the revocation it comes from, unless event time is past it already
      super.processElement1(record);
    } else if (behind) {
      output.collect(DeadLetters.TAG, new StreamRecord<>(WatermarkHold.late(event, watermark)));
    } else {
      hold.hold(event);
    }
  }

  @Override
  public void processWatermark(Watermark mark) throws Exception {
    hold.release(mark.getTimestamp(), timeServiceManager, super::processElement1);
    super.processWatermark(mark);
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

  @Override
  public void snapshotState(StateSnapshotContext context) throws Exception {
    hold.writeForSnapshot(); // before the keyed state is snapshotted, which follows this call
    super.snapshotState(context);
  }
}
