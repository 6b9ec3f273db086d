package ai.orq.sdk.streaming.internal;

import ai.orq.sdk.errors.MalformedEventException;
import ai.orq.sdk.errors.OrqCanceledException;
import ai.orq.sdk.errors.OrqException;
import ai.orq.sdk.errors.OrqTimeoutException;
import ai.orq.sdk.errors.StreamErrorException;
import ai.orq.sdk.errors.StreamTruncatedException;
import ai.orq.sdk.internal.ClientContext;
import ai.orq.sdk.internal.ErrorMapper;
import ai.orq.sdk.internal.FramingBound;
import ai.orq.sdk.internal.JsonModels;
import ai.orq.sdk.internal.StreamingProvider;
import ai.orq.sdk.model.ErrorMessage;
import ai.orq.sdk.model.ModelJsonException;
import ai.orq.sdk.model.ModelTypeAdapterFactory;
import ai.orq.sdk.model.ResponseEvent;
import com.google.gson.TypeAdapter;
import jakarta.annotation.Nullable;
import java.io.IOException;
import java.io.InterruptedIOException;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The glue between the response body and the parser: checks that the response is an event stream,
 * and turns event data and read failures into typed events and SDK exceptions.
 */
final class SseEventReader implements StreamingProvider.EventReader {
  private static final String DONE = "[DONE]";

  private final SseReader reader;
  private final long idleTimeoutMillis;
  private final EventDataDecoder decoder;
  private final TypeAdapter<ResponseEvent> events;
  private final TypeAdapter<ErrorMessage> errors;

  private SseEventReader(ClientContext context, Response response, long idleTimeoutMillis) {
    this.reader =
        new SseReader(response.body().source(), context.maxResponseBytes(), idleTimeoutMillis);
    this.idleTimeoutMillis = idleTimeoutMillis;
    this.decoder = new EventDataDecoder();
    this.events = ModelTypeAdapterFactory.adapter(ResponseEvent.class);
    this.errors = ModelTypeAdapterFactory.adapter(ErrorMessage.class);
  }

  /** The events of {@code response}; an InvalidResponseException if it is no event stream. */
  static SseEventReader open(ClientContext context, Response response, long idleTimeoutMillis) {
    ResponseBody body = response.body();
    MediaType type = body == null ? null : body.contentType();
    if (type != null && "text".equals(type.type()) && "event-stream".equals(type.subtype())) {
      return new SseEventReader(context, response, idleTimeoutMillis);
    }
    try {
      String snippet;
      try {
        snippet = response.peekBody(1024).string();
      } catch (IOException e) {
        snippet = "";
      }
      throw ErrorMapper.invalidResponse(
          response, snippet, "expected Content-Type text/event-stream, got " + type, null);
    } finally {
      response.close();
    }
  }

  /**
   * The next event, or null at the {@code [DONE]} that ends the stream. Events are told apart by
   * their data's discriminator, not by SSE {@code event:} names; but a named event whose data is
   * not a typed event is no event of the API: {@code event: error} ends the stream with a {@link
   * StreamErrorException}, any other (a heartbeat, a ping) is skipped, as comments are.
   */
  @Override
  @Nullable
  public ResponseEvent next(int delivered) {
    try {
      while (true) {
        if (!reader.next()) {
          throw new StreamTruncatedException(
              "The event stream ended without [DONE] after " + delivered + " event(s)",
              delivered,
              null);
        }
        if (!reader.isNamed() || reader.dataEquals(DONE)) {
          return decode();
        }
        ResponseEvent event = typedEventOrNull();
        if (event != null) {
          return event;
        }
        if (reader.isErrorEvent()) {
          String data = reader.data();
          throw new StreamErrorException(errorText(data), data, delivered);
        }
      }
    } catch (IOException e) {
      throw readFailure(e, delivered);
    }
  }

  /** The event in the data of a named SSE event, or null when it is not a typed event. */
  @Nullable
  private ResponseEvent typedEventOrNull() {
    try {
      return decoder.read(events, reader);
    } catch (ModelJsonException e) {
      return null;
    }
  }

  /** The message of an error event shaped as the API's error body, or its raw data. */
  private String errorText(String data) {
    try {
      ErrorMessage error = JsonModels.read(errors, data);
      return error == null ? data : error.getMessage();
    } catch (ModelJsonException e) {
      return data;
    }
  }

  /** The event in the data (unknown types included), or null for {@code [DONE]}. */
  @Nullable
  private ResponseEvent decode() {
    if (reader.dataEquals(DONE)) {
      return null;
    }
    ResponseEvent event;
    try {
      event = decoder.read(events, reader);
    } catch (ModelJsonException e) {
      throw new MalformedEventException(reader.data(), "not a valid event: " + e.getMessage(), e);
    }
    if (event == null) {
      throw new MalformedEventException(reader.data(), "no event", null);
    }
    return event;
  }

  /** A read that failed: interrupted, too slow, or broken off. (A close is the core's.) */
  private OrqException readFailure(IOException e, int events) {
    if (e instanceof FramingBound.TooLargeException) {
      return ((FramingBound.TooLargeException) e).toSdkException();
    }
    if (ErrorMapper.isInterrupt(e)) {
      return new OrqCanceledException(
          "The reading thread was interrupted after " + events + " event(s)", e);
    }
    if (e instanceof SseReader.EventTimeoutException) {
      return new OrqTimeoutException(e.getMessage() + ", after " + events + " event(s)", e);
    }
    if (e instanceof InterruptedIOException) {
      return new OrqTimeoutException(
          String.format(
              "No data for longer than the idle timeout of %s ms, after %s event(s)",
              idleTimeoutMillis, events),
          e);
    }
    IOException shown = ErrorMapper.safeCause(e);
    return new StreamTruncatedException(
        "The event stream broke off after " + events + " event(s): " + shown, events, shown);
  }
}
