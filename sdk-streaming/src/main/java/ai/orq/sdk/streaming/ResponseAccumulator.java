package ai.orq.sdk.streaming;

import ai.orq.sdk.AsyncStreamResponse;
import ai.orq.sdk.StreamHandler;
import ai.orq.sdk.StreamResponse;
import ai.orq.sdk.errors.OrqException;
import ai.orq.sdk.errors.ResponseFailedException;
import ai.orq.sdk.errors.ResponseTooLargeException;
import ai.orq.sdk.internal.ClientContext;
import ai.orq.sdk.model.FinishReason;
import ai.orq.sdk.model.PartDeltaEvent;
import ai.orq.sdk.model.PartDoneEvent;
import ai.orq.sdk.model.PendingToolCall;
import ai.orq.sdk.model.ResponseDoneEvent;
import ai.orq.sdk.model.ResponseEvent;
import ai.orq.sdk.model.ResponseFailedEvent;
import ai.orq.sdk.model.ResponsePart;
import ai.orq.sdk.model.ResponseReasoningPart;
import ai.orq.sdk.model.ResponseStartedEvent;
import ai.orq.sdk.model.ResponseTextPart;
import ai.orq.sdk.model.Usage;
import jakarta.annotation.Nullable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Assembles the events of a response stream into the final answer, for callers who just want the
 * text: the {@code text} parts' deltas joined in order (a {@code part.done} replaces its deltas
 * with the complete part), the reasoning likewise, and the finish reason, usage and pending tool
 * calls of {@code response.done}. A {@code response.failed} event becomes a {@link
 * ResponseFailedException}.
 *
 * <pre>{@code
 * AssembledResponse answer = ResponseAccumulator.assemble(
 *     client.conversations().createConversationResponse(conversationId, request));
 * System.out.println(answer.text() + " (" + answer.usage().getTotalTokens() + " tokens)");
 * }</pre>
 *
 * Or feed it the events you are showing as they arrive, with {@link #accept}, and read {@link
 * #result()} at the end. Not thread-safe: feed it from one thread at a time.
 */
public final class ResponseAccumulator implements Consumer<ResponseEvent> {
  /** The most text {@link #create()} and {@code assemble} hold: 16 MiB, 2 bytes per char. */
  public static final long DEFAULT_MAX_BYTES = ClientContext.DEFAULT_MAX_RESPONSE_BYTES;

  private final long maxBytes;
  private long heldBytes;
  private final Map<String, StringBuilder> texts = new LinkedHashMap<>();
  private final Map<String, StringBuilder> reasonings = new LinkedHashMap<>();
  @Nullable private String responseId;
  @Nullable private FinishReason finishReason;
  @Nullable private Usage usage;
  private List<PendingToolCall> pendingToolCalls = Collections.emptyList();
  private int eventCount;

  private ResponseAccumulator(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** An accumulator that holds at most {@link #DEFAULT_MAX_BYTES} of text. */
  public static ResponseAccumulator create() {
    return new ResponseAccumulator(DEFAULT_MAX_BYTES);
  }

  /**
   * An accumulator that holds at most {@code maxBytes} of text and reasoning (2 bytes per char, as
   * held in memory); more fails {@link #accept} with {@link ResponseTooLargeException}.
   *
   * @throws IllegalArgumentException if not positive
   */
  public static ResponseAccumulator create(long maxBytes) {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
    }
    return new ResponseAccumulator(maxBytes);
  }

  /**
   * Reads the stream to its end, closes it and returns the assembled answer, of at most {@link
   * #DEFAULT_MAX_BYTES} of text: a stream that sends more (one that never ends, say) fails with
   * {@link ResponseTooLargeException} and is closed.
   *
   * @throws ResponseFailedException when the server sends {@code response.failed} (the stream is
   *     closed)
   * @throws OrqException when the stream fails, as its iteration does
   */
  public static AssembledResponse assemble(StreamResponse<ResponseEvent> stream) {
    Objects.requireNonNull(stream, "stream == null");
    try (StreamResponse<ResponseEvent> s = stream) {
      ResponseAccumulator accumulator = create();
      for (ResponseEvent event : s) {
        accumulator.accept(event);
      }
      return accumulator.result();
    }
  }

  /**
   * Subscribes to the stream and returns a future of the assembled answer. The future fails with
   * {@link ResponseFailedException} after {@code response.failed}, or with the stream's own error.
   * Cancelling the future closes the stream.
   */
  public static CompletableFuture<AssembledResponse> assemble(
      AsyncStreamResponse<ResponseEvent> stream) {
    Objects.requireNonNull(stream, "stream == null");
    CompletableFuture<AssembledResponse> result =
        new CompletableFuture<AssembledResponse>() {
          @Override
          public boolean cancel(boolean mayInterruptIfRunning) {
            boolean canceled = super.cancel(mayInterruptIfRunning);
            stream.close();
            return canceled;
          }
        };
    ResponseAccumulator accumulator = create();
    stream.subscribe(
        new StreamHandler<ResponseEvent>() {
          @Nullable private ResponseFailedException failure;

          @Override
          public void onEvent(ResponseEvent event) {
            try {
              accumulator.accept(event);
            } catch (ResponseFailedException e) {
              failure = e; // keep reading to [DONE] so the connection ends cleanly
            }
          }

          @Override
          public void onComplete() {
            if (failure != null) {
              result.completeExceptionally(failure);
            } else {
              result.complete(accumulator.result());
            }
          }

          @Override
          public void onFailure(OrqException error) {
            result.completeExceptionally(failure != null ? failure : error);
          }
        });
    return result;
  }

  /**
   * Adds one event.
   *
   * @throws ResponseFailedException when the event is {@code response.failed}
   * @throws ResponseTooLargeException when the text held would pass the limit
   */
  @Override
  public void accept(ResponseEvent event) {
    Objects.requireNonNull(event, "event == null");
    eventCount++;
    if (event instanceof PartDeltaEvent) {
      PartDeltaEvent delta = (PartDeltaEvent) event;
      if (delta.getData() != null) {
        add(delta.getData().getPartId(), delta.getData().getDelta(), false);
      }
    } else if (event instanceof PartDoneEvent) {
      PartDoneEvent done = (PartDoneEvent) event;
      if (done.getData() != null) {
        add(done.getData().getPartId(), done.getData().getPart(), true);
      }
    } else if (event instanceof ResponseStartedEvent) {
      ResponseStartedEvent started = (ResponseStartedEvent) event;
      if (started.getData() != null) {
        responseId = started.getData().getResponseId();
      }
    } else if (event instanceof ResponseDoneEvent) {
      ResponseDoneEvent done = (ResponseDoneEvent) event;
      if (done.getData() != null) {
        finishReason = done.getData().getFinishReason();
        usage = done.getData().getUsage();
        List<PendingToolCall> calls = done.getData().getPendingToolCalls();
        pendingToolCalls =
            calls == null
                ? Collections.<PendingToolCall>emptyList()
                : Collections.unmodifiableList(new ArrayList<>(calls));
      }
    } else if (event instanceof ResponseFailedEvent) {
      ResponseFailedEvent failed = (ResponseFailedEvent) event;
      String error = failed.getData() == null ? null : failed.getData().getError();
      Integer code = failed.getData() == null ? null : failed.getData().getCode();
      throw new ResponseFailedException(error == null ? "(no error message)" : error, code);
    }
  }

  /** The text assembled so far. */
  public String text() {
    return join(texts);
  }

  /** The answer as assembled so far; after the stream's end, the final answer. */
  public AssembledResponse result() {
    return new AssembledResponse(
        responseId,
        join(texts),
        join(reasonings),
        finishReason,
        usage,
        pendingToolCalls,
        eventCount);
  }

  private void add(@Nullable String partId, @Nullable ResponsePart part, boolean complete) {
    if (part instanceof ResponseTextPart) {
      add(texts, partId, ((ResponseTextPart) part).getText(), complete);
    } else if (part instanceof ResponseReasoningPart) {
      add(reasonings, partId, ((ResponseReasoningPart) part).getReasoning(), complete);
    }
  }

  private void add(
      Map<String, StringBuilder> parts,
      @Nullable String partId,
      @Nullable String text,
      boolean complete) {
    StringBuilder builder = parts.get(partId);
    long held = heldBytes + 2L * (text == null ? 0 : text.length());
    if (builder == null) {
      held += 2L * (partId == null ? 0 : partId.length());
    } else if (complete) {
      held -= 2L * builder.length();
    }
    if (held > maxBytes) {
      throw new ResponseTooLargeException(
          "The assembled text",
          maxBytes,
          "ResponseAccumulator.DEFAULT_MAX_BYTES or create(maxBytes)");
    }
    heldBytes = held;
    if (builder == null) {
      builder = new StringBuilder();
      parts.put(partId, builder);
    } else if (complete) {
      builder.setLength(0);
    }
    if (text != null) {
      builder.append(text);
    }
  }

  private static String join(Map<String, StringBuilder> parts) {
    if (parts.size() == 1) {
      return parts.values().iterator().next().toString();
    }
    StringBuilder all = new StringBuilder();
    for (StringBuilder part : parts.values()) {
      all.append(part);
    }
    return all.toString();
  }
}
