package io.beliefnet.pipeline;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.InternalTimer;
import org.apache.flink.streaming.api.operators.InternalTimerService;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;

/**
 * The operator of the {@link AgentIdentityStage}: holds each event until the watermark passes it
 * and hands the stage its events in {@link InputEvent#APPLY_ORDER}, so that a claim meets the
 * identity its agent had at the claim's event time whatever order the partitions were read in. A
 * claim or outcome the watermark has already passed is rejected as {@code LATE}; a registration or
 * revocation is applied at once instead, since refusing it would refuse every later claim of its
 * agent.
 *
 * <p>Events wait in memory ({@link WatermarkHold}), up to {@code maxHeld} per subtask: honest
 * traffic waits about the out-of-orderness, so that many is never reached but by records stamped
 * far ahead (a skewed clock, or a flood), and what comes beyond waits in keyed state ({@link
 * EventTimeBuffer}) with a timer just before its timestamp that brings it into memory, where it
 * takes its place among the events of that timestamp. Memory is so bounded whatever the input's
 * timestamps.
 *
 * <p>The operator's output never turns idle. After a quiet spell all sources are idle, and so would
 * be every subtask of this stage. When traffic resumes, each subtask becomes active again, releases
 * what it held and passes the new watermark on; the next stage would take the watermark of the
 * first subtask to do so while ignoring the others, still idle to it, and then find their released
 * events behind its watermark. Staying active makes the next stage wait for every subtask's
 * watermark, which each sends after the events it releases. All subtasks receive the same
 * watermarks from the sources, so none holds the others back.
 */
final class IdentityOperator extends KeyedProcessOperator<String, InputEvent, InputEvent> {

  private static final long serialVersionUID = 1L;

  /** Events held in memory per subtask by default ({@code events.max-held-in-memory}). */
  static final int MAX_HELD = 100_000;

  private final int maxHeld;
  private transient WatermarkHold<String> hold;
  private transient EventTimeBuffer spilled;
  private transient InternalTimerService<VoidNamespace> timers;
  private transient Counter spilledEvents;

  IdentityOperator(AgentIdentityStage stage, int maxHeld) {
    super(stage);
    if (maxHeld < 0) {
      throw new IllegalArgumentException(
          "events.max-held-in-memory is " + maxHeld + ": must be 0 or more");
    }
    this.maxHeld = maxHeld;
  }

  @Override
  public void initializeState(StateInitializationContext context) throws Exception {
    super.initializeState(context);
    hold = WatermarkHold.restore(getKeyedStateBackend());
  }

  @Override
  public void open() throws Exception {
    super.open();
    spilled = new EventTimeBuffer(getRuntimeContext());
    timers = getInternalTimerService("spilled-events", VoidNamespaceSerializer.INSTANCE, this);
    getMetricGroup().gauge("events_held", (Gauge<Integer>) hold::size);
    spilledEvents = getMetricGroup().counter("events_spilled");
  }

  @Override
  public void processElement(StreamRecord<InputEvent> record) throws Exception {
    InputEvent event = record.getValue();
    long timestamp = event.source.timestamp;
    long watermark = timers.currentWatermark();
    if (timestamp > watermark && (hold.size() < maxHeld || timestamp == watermark + 1)) {
      // an event due at the next watermark stays in memory: its timer would come too late to
      // bring it among the others of its timestamp
      hold.hold(event);
    } else if (timestamp > watermark) {
      spill(event);
    } else if (event.isRegistration() || event.isRevocation()) {
      super.processElement(record);
    } else {
      output.collect(DeadLetters.TAG, new StreamRecord<>(WatermarkHold.late(event, watermark)));
    }
  }

  private void spill(InputEvent event) throws Exception {
    var refused = spilled.add(event, getCurrentKey());
    if (refused.isPresent()) {
      output.collect(DeadLetters.TAG, new StreamRecord<>(refused.get()));
      return;
    }
    spilledEvents.inc();
    timers.registerEventTimeTimer(VoidNamespace.INSTANCE, event.source.timestamp - 1);
  }

  /**
   * Brings the events spilled at the timer's next millisecond into memory. The stage sets no timers
   * of its own, so every timer is one of these (or, from a savepoint of an older version, one at an
   * event's own timestamp, which finds nothing).
   */
  @Override
  public void onEventTime(InternalTimer<String, VoidNamespace> timer) throws Exception {
    for (InputEvent event : spilled.take(timer.getTimestamp() + 1)) {
      hold.hold(event); // its key is the timer's, set as current
    }
  }

  @Override
  public void processWatermark(Watermark mark) throws Exception {
    hold.release(mark.getTimestamp(), timeServiceManager, super::processElement);
    super.processWatermark(mark);
  }

  @Override
  public void processWatermarkStatus(WatermarkStatus status) throws Exception {
    if (status.isActive()) {
      super.processWatermarkStatus(status);
    }
  }

  @Override
  public void snapshotState(StateSnapshotContext context) throws Exception {
    hold.writeForSnapshot(); // before the keyed state is snapshotted, which follows this call
    super.snapshotState(context);
  }
}
