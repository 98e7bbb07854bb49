package io.beliefnet.pipeline;

import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/** Sends the records refused at decoding to the dead letters and passes the rest on. */
final class RouteRejections extends ProcessFunction<InputEvent, InputEvent> {

  private static final long serialVersionUID = 1L;

  @Override
  public void processElement(InputEvent event, Context context, Collector<InputEvent> out) {
    if (event.isRejected()) {
      context.output(DeadLetters.TAG, event.rejection);
    } else {
      out.collect(event);
    }
  }
}
