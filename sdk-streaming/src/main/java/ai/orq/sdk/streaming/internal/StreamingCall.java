package ai.orq.sdk.streaming.internal;

import ai.orq.sdk.RequestOptions;
import ai.orq.sdk.errors.OrqCanceledException;
import ai.orq.sdk.errors.OrqException;
import ai.orq.sdk.errors.OrqIoException;
import ai.orq.sdk.errors.OrqTimeoutException;
import ai.orq.sdk.internal.ClientContext;
import ai.orq.sdk.internal.ErrorMapper;
import ai.orq.sdk.generated.ModelJsonException;
import ai.orq.sdk.internal.JsonModels;
import ai.orq.sdk.model.CreateResponseRequest;
import ai.orq.sdk.model.ErrorMessage;
import ai.orq.sdk.model.ResponseEvent;
import ai.orq.sdk.errors.MalformedEventException;
import ai.orq.sdk.errors.StreamErrorException;
import ai.orq.sdk.errors.StreamTruncatedException;
import com.google.gson.Gson;
import com.google.gson.TypeAdapter;
import jakarta.annotation.Nullable;
import java.io.IOException;
import java.io.InterruptedIOException;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The glue between HTTP and the parser, shared by the blocking and the async stream: builds the
 * request, creates the call of each attempt, decides on retries, checks the response that starts
 * the stream and turns event data and read failures into events and SDK exceptions.
 *
 * <p>Retries happen only before the stream starts, and, the request being a POST, only when the
 * server cannot have taken the message: a failure to connect before anything was sent, a 429, or
 * a 503 with {@code Retry-After} (unless the user opted in to more with
 * {@code retryNonIdempotent}). Once a 2xx arrived the server has taken the message, so nothing is
 * retried from there on (a replay would send the user message twice).
 */
final class StreamingCall {
  static final String DONE = "[DONE]";
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  final ClientContext context;
  final RequestOptions options;
  private final OkHttpClient client;
  private final Request request;
  private final Gson gson;
  private final TypeAdapter<ResponseEvent> events;
  private final TypeAdapter<ErrorMessage> errors;

  StreamingCall(ClientContext context, String conversationId, CreateResponseRequest body,
      RequestOptions options) {
    this.context = context;
    this.options = options;
    this.client = StreamingClients.of(context, options);
    this.gson = context.gson();
    this.events = gson.getAdapter(ResponseEvent.class);
    this.errors = gson.getAdapter(ErrorMessage.class);
    this.request = new Request.Builder()
        .url(context.conversationUrl(conversationId, "responses"))
        .header("Accept", "text/event-stream")
        .post(RequestBody.create(json(body), JSON))
        .build();
  }

  /** The request body; {@code stream} is always true, since this SDK always streams. */
  private String json(CreateResponseRequest body) {
    if (!Boolean.FALSE.equals(body.getStream())) {
      return gson.toJson(body);
    }
    CreateResponseRequest streaming = gson.fromJson(gson.toJsonTree(body), CreateResponseRequest.class);
    return gson.toJson(streaming.stream(true));
  }

  /** The OkHttp call of one attempt (0 for the first). */
  Call newCall(int attempt) {
    context.requireOpen();
    return client.newCall(context.applyOptions(request, options, attempt));
  }

  /** The delay before retrying after this response, or -1 to fail (the caller closes it). */
  long retryDelay(int attempt, Response response) {
    return context.retryDelay(attempt, options, response);
  }

  /** The delay before retrying after {@code call} failed before its response, or -1 to fail. */
  long retryDelay(int attempt, Call call, IOException e) {
    return context.retryDelay(attempt, options, call.request(), e);
  }

  /**
   * Null when the response starts an event stream (2xx, {@code text/event-stream}); otherwise
   * the exception to report, having closed the response.
   */
  @Nullable
  static OrqException startFailure(Response response) {
    if (!response.isSuccessful()) {
      return ErrorMapper.fromResponse(response);
    }
    ResponseBody body = response.body();
    MediaType type = body == null ? null : body.contentType();
    if (type != null && "text".equals(type.type()) && "event-stream".equals(type.subtype())) {
      return null;
    }
    try {
      String snippet;
      try {
        snippet = response.peekBody(1024).string();
      } catch (IOException e) {
        snippet = "";
      }
      return ErrorMapper.invalidResponse(response, snippet,
          "expected Content-Type text/event-stream, got " + type, null);
    } finally {
      response.close();
    }
  }

  /**
   * Reads the next event to deliver, or null at the {@code [DONE]} that ends the stream. Events are
   * told apart by their data's discriminator, not by SSE {@code event:} names; but a named event
   * whose data is not a typed event is no event of the API: {@code event: error} ends the stream
   * with a {@link StreamErrorException}, any other (a heartbeat, a ping) is skipped, as comments
   * are.
   *
   * @throws StreamTruncatedException at the end of input before {@code [DONE]}
   * @throws MalformedEventException when the data of an unnamed event is not a JSON event
   */
  @Nullable
  ResponseEvent nextEvent(SseReader reader, int delivered) throws IOException {
    while (true) {
      if (!reader.next()) {
        throw truncated(delivered);
      }
      String data = reader.data();
      if (!reader.isNamed() || DONE.equals(data)) {
        return decode(data);
      }
      ResponseEvent event = typedEventOrNull(data);
      if (event != null) {
        return event;
      }
      if (reader.isErrorEvent()) {
        throw new StreamErrorException(errorText(data), data, delivered);
      }
    }
  }

  /** The event in the data of a named SSE event, or null when it is not a typed event. */
  @Nullable
  private ResponseEvent typedEventOrNull(String data) {
    try {
      ResponseEvent event = JsonModels.read(gson, events, data);
      return event == null || event.getType() == null ? null : event;
    } catch (ModelJsonException e) {
      return null;
    }
  }

  /** The message of an error event shaped as the API's error body, or its raw data. */
  private String errorText(String data) {
    try {
      ErrorMessage error = JsonModels.read(gson, errors, data);
      return error == null ? data : error.getMessage();
    } catch (ModelJsonException e) {
      return data;
    }
  }

  /**
   * The event in {@code data}, or null for the {@code [DONE]} that ends the stream. An event
   * of an unknown type comes back as {@code UnknownResponseEvent}.
   *
   * @throws MalformedEventException naming the JSON path when {@code data} is not a JSON event,
   *     whatever failed while reading it (a missing required property, a value of the wrong type
   *     or range)
   */
  @Nullable
  ResponseEvent decode(String data) {
    if (DONE.equals(data)) {
      return null;
    }
    ResponseEvent event;
    try {
      event = JsonModels.read(gson, events, data);
    } catch (ModelJsonException e) {
      throw new MalformedEventException(data, "not a valid event: " + e.getMessage(), e);
    }
    if (event == null) {
      throw new MalformedEventException(data, "no event", null);
    }
    return event;
  }

  /**
   * The reader of a started stream, bounded: an event may have at most the client's
   * {@code maxResponseBytes}, and must arrive whole within the idle timeout of its first byte.
   */
  SseReader reader(Response response) {
    return new SseReader(response.body().source(), context.maxResponseBytes(),
        client.readTimeoutMillis());
  }

  /** The end of input before {@code [DONE]}. */
  private static StreamTruncatedException truncated(int events) {
    return new StreamTruncatedException(
        "The event stream ended without [DONE] after " + events + " event(s)", events, null);
  }

  /**
   * A read that failed after the stream started: canceled (closed, or the reading thread
   * interrupted), too slow (idle, or an event not whole in time), or broken off.
   */
  OrqIoException readFailure(IOException e, boolean canceled, int events) {
    if (canceled) {
      return new OrqCanceledException("The stream was closed after " + events + " event(s)", e);
    }
    if (ErrorMapper.isInterrupt(e)) {
      return new OrqCanceledException(
          "The reading thread was interrupted after " + events + " event(s)", e);
    }
    if (e instanceof SseReader.EventTimeoutException) {
      return new OrqTimeoutException(e.getMessage() + ", after " + events + " event(s)", e);
    }
    if (e instanceof InterruptedIOException) {
      return new OrqTimeoutException("No data for longer than the idle timeout of "
          + client.readTimeoutMillis() + " ms, after " + events + " event(s)", e);
    }
    return new StreamTruncatedException(
        "The event stream broke off after " + events + " event(s): " + e, events, e);
  }
}
