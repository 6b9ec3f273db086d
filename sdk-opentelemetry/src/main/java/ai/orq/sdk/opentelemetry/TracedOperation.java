package ai.orq.sdk.opentelemetry;

import ai.orq.sdk.errors.OrqException;
import ai.orq.sdk.model.ResponseEvent;
import ai.orq.sdk.model.Usage;
import ai.orq.sdk.observe.AttemptEnd;
import ai.orq.sdk.observe.AttemptStart;
import ai.orq.sdk.observe.OperationEnd;
import ai.orq.sdk.observe.OperationStart;
import ai.orq.sdk.observe.OrqListener;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.Collections;
import java.util.concurrent.TimeUnit;

/**
 * The span and measurements of one operation, from its start to its end. The SDK calls it one call
 * at a time.
 */
final class TracedOperation implements OrqListener.Operation {
  private static final TextMapSetter<AttemptStart> HEADERS =
      (attempt, name, value) -> {
        if (attempt != null) {
          attempt.setHeader(name, value);
        }
      };

  private final Instruments instruments;
  private final Context parent;
  private final Context spanContext;
  private final Span span;
  private final Attributes metricAttributes;
  private final StreamEvents events;
  private final long startNanos;
  private long lastEventNanos = -1;
  private double timeToFirstChunk = -1;

  private TracedOperation(
      Instruments instruments, Context parent, Span span, Attributes metricAttributes) {
    this.instruments = instruments;
    this.parent = parent;
    this.span = span;
    this.spanContext = parent.with(span);
    this.metricAttributes = metricAttributes;
    this.events = new StreamEvents(instruments, span, spanContext);
    this.startNanos = System.nanoTime();
  }

  static TracedOperation start(Instruments instruments, OperationStart start) {
    boolean chat = start.streaming(); // the operation that asks a model streams its response
    String operation = chat ? GenAi.CHAT : start.operationName();
    AttributesBuilder common =
        Attributes.builder()
            .put(GenAi.OPERATION_NAME, operation)
            .put(GenAi.PROVIDER_NAME, GenAi.PROVIDER)
            .put(GenAi.SERVER_ADDRESS, start.url().host())
            .put(GenAi.SERVER_PORT, (long) start.url().port());
    if (start.model() != null) {
      common.put(GenAi.REQUEST_MODEL, start.model());
    }
    Attributes metricAttributes = common.build();
    if (start.conversationId() != null) {
      common.put(GenAi.CONVERSATION_ID, start.conversationId());
    }
    if (start.streaming()) {
      common.put(GenAi.REQUEST_STREAM, true);
    }
    Context parent = Context.current();
    Span span =
        instruments
            .tracer
            .spanBuilder(start.model() == null ? operation : operation + " " + start.model())
            .setParent(parent)
            .setSpanKind(SpanKind.CLIENT)
            .setAllAttributes(common.build())
            .startSpan();
    return new TracedOperation(instruments, parent, span, metricAttributes);
  }

  @Override
  public void onAttemptStart(AttemptStart attempt) {
    instruments.propagator.inject(spanContext, attempt, HEADERS);
  }

  @Override
  public void onAttemptEnd(AttemptEnd attempt) {
    AttributesBuilder event =
        Attributes.builder().put(GenAi.HTTP_RESEND_COUNT, (long) attempt.number());
    if (attempt.statusCode() != 0) {
      event.put(GenAi.HTTP_STATUS_CODE, (long) attempt.statusCode());
    }
    if (attempt.failure() != null) {
      event.put(GenAi.ERROR_TYPE, attempt.failure().getClass().getName());
    }
    if (attempt.willRetry()) {
      event.put(GenAi.RETRY_DELAY_MS, attempt.retryDelayMillis());
    }
    span.addEvent(GenAi.ATTEMPT_EVENT, event.build());
  }

  @Override
  public void onEvent(ResponseEvent event) {
    long now = System.nanoTime();
    if (lastEventNanos < 0) {
      timeToFirstChunk = seconds(now - startNanos);
      instruments.timeToFirstChunk.record(timeToFirstChunk, metricAttributes, parent);
    } else {
      instruments.timePerOutputChunk.record(
          seconds(now - lastEventNanos), metricAttributes, parent);
    }
    lastEventNanos = now;
    event.accept(events);
  }

  @Override
  public void onEnd(OperationEnd end) {
    double duration = seconds(System.nanoTime() - startNanos);
    // after response.failed, the stream ends normally, or closed by the caller (a cancel): either
    // way the response failed
    OrqException error = events.failure() != null ? events.failure() : end.error();
    String errorType = error == null ? null : error.getClass().getName();
    events.finish(errorType, end.finishReason());
    AttributesBuilder outcome = metricAttributes.toBuilder();
    if (end.responseModel() != null) {
      span.setAttribute(GenAi.RESPONSE_MODEL, end.responseModel());
      outcome.put(GenAi.RESPONSE_MODEL, end.responseModel());
    }
    if (end.responseId() != null) {
      span.setAttribute(GenAi.RESPONSE_ID, end.responseId());
    }
    if (end.finishReason() != null) {
      span.setAttribute(
          GenAi.RESPONSE_FINISH_REASONS, Collections.singletonList(end.finishReason().asString()));
    }
    if (timeToFirstChunk >= 0) {
      span.setAttribute(GenAi.RESPONSE_TIME_TO_FIRST_CHUNK, timeToFirstChunk);
    }
    if (end.attempts() > 1) {
      span.setAttribute(GenAi.HTTP_RESEND_COUNT, (long) end.attempts() - 1);
    }
    Attributes tokenAttributes = outcome.build();
    recordUsage(end.usage(), tokenAttributes);
    if (errorType != null) {
      span.setAttribute(GenAi.ERROR_TYPE, errorType);
      span.setStatus(StatusCode.ERROR, String.valueOf(error.getMessage()));
      outcome.put(GenAi.ERROR_TYPE, errorType);
    }
    instruments.duration.record(duration, outcome.build(), parent);
    span.end();
  }

  private void recordUsage(Usage usage, Attributes attributes) {
    if (usage == null) {
      return;
    }
    if (usage.getPromptTokens() != null) {
      span.setAttribute(GenAi.USAGE_INPUT_TOKENS, usage.getPromptTokens());
      instruments.tokenUsage.record(
          usage.getPromptTokens(), tokenType(attributes, GenAi.INPUT), parent);
    }
    if (usage.getCompletionTokens() != null) {
      span.setAttribute(GenAi.USAGE_OUTPUT_TOKENS, usage.getCompletionTokens());
      instruments.tokenUsage.record(
          usage.getCompletionTokens(), tokenType(attributes, GenAi.OUTPUT), parent);
    }
    if (usage.getCompletionTokensDetails() != null
        && usage.getCompletionTokensDetails().getReasoningTokens() != null) {
      span.setAttribute(
          GenAi.USAGE_REASONING_OUTPUT_TOKENS,
          usage.getCompletionTokensDetails().getReasoningTokens());
    }
  }

  private static Attributes tokenType(Attributes attributes, String type) {
    return attributes.toBuilder().put(GenAi.TOKEN_TYPE, type).build();
  }

  @Override
  public Runnable wrapCallback(Runnable callback) {
    return parent.wrap(callback);
  }

  private static double seconds(long nanos) {
    return nanos / (double) TimeUnit.SECONDS.toNanos(1);
  }
}
