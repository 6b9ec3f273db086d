package ai.orq.sdk.opentelemetry;

import ai.orq.sdk.errors.ResponseFailedException;
import ai.orq.sdk.model.FinishReason;
import ai.orq.sdk.model.PartDeltaEvent;
import ai.orq.sdk.model.ResponseEvent;
import ai.orq.sdk.model.ResponseFailedEvent;
import ai.orq.sdk.model.ResponsePart;
import ai.orq.sdk.model.ToolDoneEvent;
import ai.orq.sdk.model.ToolDoneEventData;
import ai.orq.sdk.model.ToolFailedEvent;
import ai.orq.sdk.model.ToolReviewDoneEvent;
import ai.orq.sdk.model.ToolReviewRequestedEvent;
import ai.orq.sdk.model.ToolStartedEvent;
import ai.orq.sdk.model.ToolStartedEventData;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a stream's events add to its operation's span: an {@code execute_tool} child span per tool
 * call, review span events, and with content capture the assembled output message.
 */
final class StreamEvents implements ResponseEvent.Visitor<Void> {
  private final Instruments instruments;
  private final Span span;
  private final Context spanContext;
  private final Map<String, Span> tools = new LinkedHashMap<>();
  private final Map<String, Part> parts = new LinkedHashMap<>();
  private ResponseFailedException failure;

  StreamEvents(Instruments instruments, Span span, Context spanContext) {
    this.instruments = instruments;
    this.span = span;
    this.spanContext = spanContext;
  }

  @Override
  public Void visitToolStarted(ToolStartedEvent event) {
    ToolStartedEventData data = event.getData();
    Span tool =
        instruments
            .tracer
            .spanBuilder(GenAi.EXECUTE_TOOL + " " + data.getToolName())
            .setParent(spanContext)
            .setSpanKind(SpanKind.INTERNAL)
            .setAttribute(GenAi.OPERATION_NAME, GenAi.EXECUTE_TOOL)
            .setAttribute(GenAi.PROVIDER_NAME, GenAi.PROVIDER)
            .setAttribute(GenAi.TOOL_NAME, data.getToolName())
            .setAttribute(GenAi.TOOL_CALL_ID, data.getToolCallId())
            .startSpan();
    if (instruments.captureContent) {
      tool.setAttribute(GenAi.TOOL_CALL_ARGUMENTS, data.getArguments().toString());
    }
    Span earlier = tools.put(data.getToolCallId(), tool);
    if (earlier != null) {
      earlier.end();
    }
    return null;
  }

  @Override
  public Void visitToolDone(ToolDoneEvent event) {
    ToolDoneEventData data = event.getData();
    Span tool = tools.remove(data.getToolCallId());
    if (tool != null) {
      if (instruments.captureContent && data.getResult() != null) {
        tool.setAttribute(GenAi.TOOL_CALL_RESULT, data.getResult().toString());
      }
      tool.end();
    }
    return null;
  }

  @Override
  public Void visitToolFailed(ToolFailedEvent event) {
    Span tool = tools.remove(event.getData().getToolCallId());
    if (tool != null) {
      tool.setAttribute(GenAi.ERROR_TYPE, GenAi.OTHER_ERROR);
      tool.setStatus(
          StatusCode.ERROR,
          instruments.captureContent ? event.getData().getError() : "tool failed");
      tool.end();
    }
    return null;
  }

  @Override
  public Void visitToolReviewRequested(ToolReviewRequestedEvent event) {
    span.addEvent(
        GenAi.REVIEW_REQUESTED_EVENT,
        Attributes.of(
            GenAi.TOOL_CALL_ID,
            event.getData().getToolCallId(),
            GenAi.TOOL_NAME,
            event.getData().getToolName()));
    return null;
  }

  @Override
  public Void visitToolReviewDone(ToolReviewDoneEvent event) {
    span.addEvent(
        GenAi.REVIEW_DONE_EVENT,
        Attributes.of(
            GenAi.TOOL_CALL_ID,
            event.getData().getToolCallId(),
            GenAi.REVIEW_OUTCOME,
            event.getData().getReview().asString()));
    return null;
  }

  @Override
  public Void visitPartDelta(PartDeltaEvent event) {
    if (instruments.captureContent) {
      ResponsePart delta = event.getData().getDelta();
      if (delta.isText()) {
        append(event.getData().getPartId(), GenAi.TEXT_PART, delta.asText().getText());
      } else if (delta.isReasoning()) {
        append(
            event.getData().getPartId(), GenAi.REASONING_PART, delta.asReasoning().getReasoning());
      }
    }
    return null;
  }

  /** A plain stream delivers {@code response.failed} and ends normally; its span ends failed. */
  @Override
  public Void visitResponseFailed(ResponseFailedEvent event) {
    failure = new ResponseFailedException(event.getData().getError(), event.getData().getCode());
    return null;
  }

  /** The failure a {@code response.failed} event reported, or null. */
  ResponseFailedException failure() {
    return failure;
  }

  @Override
  public Void otherwise(ResponseEvent member) {
    return null;
  }

  private void append(String partId, String type, String chunk) {
    Part part = parts.get(partId);
    if (part == null) {
      part = new Part(type);
      parts.put(partId, part);
    }
    part.content.append(chunk);
  }

  /**
   * Ends the tool spans still open (with the operation's error type, if any) and, with content
   * capture, records the output message.
   */
  void finish(String errorType, FinishReason finishReason) {
    for (Span tool : tools.values()) {
      if (errorType != null) {
        tool.setAttribute(GenAi.ERROR_TYPE, errorType);
        tool.setStatus(StatusCode.ERROR);
      }
      tool.end();
    }
    tools.clear();
    if (!parts.isEmpty()) {
      JsonObject message = new JsonObject();
      message.addProperty(GenAi.MESSAGE_ROLE, GenAi.ASSISTANT);
      JsonArray content = new JsonArray();
      for (Part part : parts.values()) {
        JsonObject json = new JsonObject();
        json.addProperty(GenAi.PART_TYPE, part.type);
        json.addProperty(GenAi.PART_CONTENT, part.content.toString());
        content.add(json);
      }
      message.add(GenAi.MESSAGE_PARTS, content);
      if (finishReason != null) {
        message.addProperty(GenAi.MESSAGE_FINISH_REASON, finishReason.asString());
      }
      JsonArray messages = new JsonArray();
      messages.add(message);
      span.setAttribute(GenAi.OUTPUT_MESSAGES, messages.toString());
    }
  }

  /** One part of the output message, as its deltas arrive. */
  private static final class Part {
    final String type;
    final StringBuilder content = new StringBuilder();

    Part(String type) {
      this.type = type;
    }
  }
}
