package ai.orq.sdk.streaming;

import ai.orq.sdk.AsyncStreamResponse;
import ai.orq.sdk.StreamHandler;
import ai.orq.sdk.StreamResponse;
import ai.orq.sdk.errors.OrqException;
import ai.orq.sdk.errors.ResponseFailedException;
import ai.orq.sdk.errors.ResponseTooLargeException;
import ai.orq.sdk.internal.ClientContext;
import ai.orq.sdk.model.FinishReason;
import ai.orq.sdk.model.ModelTypeAdapterFactory;
import ai.orq.sdk.model.PartDeltaEvent;
import ai.orq.sdk.model.PartDoneEvent;
import ai.orq.sdk.model.PendingToolCall;
import ai.orq.sdk.model.ResponseDoneEvent;
import ai.orq.sdk.model.ResponseEvent;
import ai.orq.sdk.model.ResponseFailedEvent;
import ai.orq.sdk.model.ResponsePart;
import ai.orq.sdk.model.ResponseStartedEvent;
import ai.orq.sdk.model.Usage;
import com.google.gson.TypeAdapter;
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
 * calls of {@code response.done}. A part of any other kind (a file, data, or a kind newer than this
 * SDK) is not joined but kept whole, as the last event of its part id sent it ({@link
 * AssembledResponse#otherParts()}). A {@code response.failed} event becomes a {@link
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

  /** Measures a kept part; thread-safe. */
  private static final TypeAdapter<ResponsePart> PARTS =
      ModelTypeAdapterFactory.adapter(ResponsePart.class);

  private final long maxBytes;
  private long heldBytes;
  private final Map<String, StringBuilder> texts = new LinkedHashMap<>();
  private final Map<String, StringBuilder> reasonings = new LinkedHashMap<>();
  private final Map<String, ResponsePart> otherParts = new LinkedHashMap<>();
  private final Map<String, Long> otherPartBytes = new LinkedHashMap<>();
  @Nullable private String responseId;
  @Nullable private FinishReason finishReason;
  @Nullable private Usage usage;
  private List<PendingToolCall> pendingToolCalls = Collections.emptyList();
  private int eventCount;
  private final ResponseEvent.Visitor<Void> events =
      new ResponseEvent.Visitor<Void>() {
        @Override
        public Void visitPartDelta(PartDeltaEvent delta) {
          add(delta.getData().getPartId(), delta.getData().getDelta(), false);
          return null;
        }

        @Override
        public Void visitPartDone(PartDoneEvent done) {
          add(done.getData().getPartId(), done.getData().getPart(), true);
          return null;
        }

        @Override
        public Void visitResponseStarted(ResponseStartedEvent started) {
          responseId = started.getData().getResponseId();
          return null;
        }

        @Override
        public Void visitResponseDone(ResponseDoneEvent done) {
          finishReason = done.getData().getFinishReason();
          usage = done.getData().getUsage();
          List<PendingToolCall> calls = done.getData().getPendingToolCalls();
          pendingToolCalls = calls == null ? Collections.<PendingToolCall>emptyList() : calls;
          return null;
        }

        @Override
        public Void visitResponseFailed(ResponseFailedEvent failed) {
          throw new ResponseFailedException(
              failed.getData().getError(), failed.getData().getCode());
        }

        @Override
        public Void otherwise(ResponseEvent event) {
          return null;
        }
      };

  private ResponseAccumulator(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** An accumulator that holds at most {@link #DEFAULT_MAX_BYTES} of text. */
  public static ResponseAccumulator create() {
    return new ResponseAccumulator(DEFAULT_MAX_BYTES);
  }

  /**
   * An accumulator that holds at most {@code maxBytes} of text, reasoning and other parts (2 bytes
   * per char, as held in memory; another part counted as its JSON); more fails {@link #accept} with
   * {@link ResponseTooLargeException}.
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
    event.accept(events);
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
        Collections.unmodifiableList(new ArrayList<>(otherParts.values())),
        eventCount);
  }

  private void add(String partId, ResponsePart part, boolean complete) {
    if (part.isText()) {
      add(texts, partId, part.asText().getText(), complete);
    } else if (part.isReasoning()) {
      add(reasonings, partId, part.asReasoning().getReasoning(), complete);
    } else {
      keep(partId, part);
    }
  }

  /** Keeps a part that is not text: the latest of its part id replaces the one before. */
  private void keep(String partId, ResponsePart part) {
    long bytes = 2L * PARTS.toJson(part).length();
    Long before = otherPartBytes.get(partId);
    hold(heldBytes + bytes + (before == null ? 2L * partId.length() : -before));
    otherParts.put(partId, part);
    otherPartBytes.put(partId, bytes);
  }

  private void add(Map<String, StringBuilder> parts, String partId, String text, boolean complete) {
    StringBuilder builder = parts.get(partId);
    long held = heldBytes + 2L * text.length();
    if (builder == null) {
      held += 2L * partId.length();
    } else if (complete) {
      held -= 2L * builder.length();
    }
    hold(held);
    if (builder == null) {
      builder = new StringBuilder();
      parts.put(partId, builder);
    } else if (complete) {
      builder.setLength(0);
    }
    builder.append(text);
  }

  /** Holds {@code held} bytes from now on, or fails when that passes the limit. */
  private void hold(long held) {
    if (held > maxBytes) {
      throw new ResponseTooLargeException(
          "The assembled text",
          maxBytes,
          "ResponseAccumulator.DEFAULT_MAX_BYTES or create(maxBytes)");
    }
    heldBytes = held;
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
