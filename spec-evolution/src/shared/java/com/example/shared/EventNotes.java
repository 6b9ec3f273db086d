package com.example.shared;

import ai.orq.sdk.model.PartDeltaEvent;
import ai.orq.sdk.model.ResponseDoneEvent;
import ai.orq.sdk.model.ResponseEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * A user's visitor of stream events, written against the SDK of today's spec: it handles part
 * deltas and the end of a response, and keeps whatever else reaches {@code otherwise}. The evolved
 * build compiles this same file, unchanged, against the SDK of a spec with a new event type.
 */
public final class EventNotes implements ResponseEvent.Visitor<String> {
  private final List<ResponseEvent> others = new ArrayList<>();

  @Override
  public String visitPartDelta(PartDeltaEvent event) {
    return "delta " + event.getData().getPartId();
  }

  @Override
  public String visitResponseDone(ResponseDoneEvent event) {
    return "done " + event.getData().getFinishReason();
  }

  @Override
  public String otherwise(ResponseEvent event) {
    others.add(event);
    return "other " + event.getType();
  }

  /** The events that reached {@code otherwise}, in order. */
  public List<ResponseEvent> others() {
    return others;
  }
}
