package ai.orq.sdk;

import ai.orq.sdk.errors.OrqCanceledException;
import ai.orq.sdk.errors.OrqException;
import ai.orq.sdk.internal.CallSettings;
import ai.orq.sdk.internal.ClientContext;
import ai.orq.sdk.internal.RetryingCall;
import ai.orq.sdk.internal.StreamingProvider;
import ai.orq.sdk.internal.StreamingProvider.EventReader;
import ai.orq.sdk.model.ResponseEvent;
import com.google.errorprone.annotations.concurrent.GuardedBy;
import jakarta.annotation.Nullable;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The stream engine. The request goes out, through the attempt engine, when the stream is first
 * read; events are then read and decoded on the reading thread, one at a time, straight from the
 * response body, with no queue and no other thread. A slow reader slows the server down through TCP
 * flow control instead of filling memory. The async stream reads one of these on OkHttp's thread.
 *
 * <p>Closing: {@link #close()} cancels the attempts (which unblocks a read in progress at once, or
 * ends a wait to retry) and closes the body, which releases the connection. The thread that called
 * {@code close()} then sees the iteration end quietly; any other thread still reading gets {@link
 * OrqCanceledException}, so a stream closed elsewhere never looks like a normal end. The body is
 * only ever closed by a thread that is not reading it: by {@code close()} when no read is in
 * progress, otherwise by the reader as its read returns. Closing the client ends the stream too:
 * every thread reading it, the closing one included, gets {@code OrqCanceledException("The client
 * is closed")}, once. A stream dropped unclosed, once garbage-collected, is closed by the client
 * (see {@link RetryingCall#endWhenUnreachable}).
 */
final class RealStreamResponse implements StreamResponse<ResponseEvent> {
  private final ClientContext context;
  private final StreamingProvider provider;
  private final Request request;
  @Nullable private final String conversationId;
  @Nullable private final String model;
  private final OkHttpClient client;
  private final RetryingCall attempts;
  private final AtomicBoolean iterated = new AtomicBoolean();
  private final Object lock = new Object();

  @GuardedBy("lock")
  private boolean reading;

  @GuardedBy("lock")
  private boolean closed;

  @GuardedBy("lock")
  @Nullable
  private Thread closer;

  @GuardedBy("lock")
  @Nullable
  private Response response;

  @GuardedBy("lock")
  @Nullable
  private OrqResponse<Void> head;

  @GuardedBy("lock")
  private boolean bodyClosed;

  // written by the reading thread
  @Nullable private EventReader reader;
  @Nullable private OrqException startFailure; // the stream's request failed: every read throws it
  private volatile int delivered; // read by other threads for messages

  RealStreamResponse(
      ClientContext context,
      StreamingProvider provider,
      Request request,
      RequestOptions options,
      @Nullable String conversationId,
      @Nullable String model) {
    this.context = context;
    this.provider = provider;
    this.request = request;
    this.conversationId = conversationId;
    this.model = model;
    CallSettings settings = options.applyTo(context.defaults());
    this.client = context.streamingClient(settings);
    this.attempts =
        new RetryingCall(context, client, request, settings, true, conversationId, model);
    attempts.endWhenUnreachable(this);
  }

  @Override
  public Iterator<ResponseEvent> iterator() {
    if (!iterated.compareAndSet(false, true)) {
      throw new IllegalStateException("A stream can be iterated only once.");
    }
    return new Iterator<ResponseEvent>() {
      @Nullable private ResponseEvent next;
      private boolean finished;
      private int taken;

      @Override
      public boolean hasNext() {
        if (next == null && !finished) {
          finished = true; // stays so if the read fails
          next = advance(true);
          finished = next == null;
        }
        return next != null;
      }

      @Override
      public ResponseEvent next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        ResponseEvent event = next;
        next = null;
        delivered = ++taken;
        return event;
      }
    };
  }

  @Override
  public Stream<ResponseEvent> stream() {
    Spliterator<ResponseEvent> events =
        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL);
    return StreamSupport.stream(events, false).onClose(this::close);
  }

  @Override
  public RealStreamResponse withOptions(RequestOptions options) {
    Objects.requireNonNull(options, "options == null");
    return new RealStreamResponse(context, provider, request, options, conversationId, model);
  }

  @Override
  public void close() {
    ended(canceled(null)); // unless the stream ended before
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      closer = Thread.currentThread();
      if (bodyClosed) {
        return; // already at its end
      }
    }
    attempts.cancel(); // unblocks a read in progress, ends a wait to retry
    synchronized (lock) {
      if (!reading) {
        closeBodyLocked();
      }
    }
  }

  @Override
  public OrqResponse<Void> head() {
    synchronized (lock) {
      if (head != null) {
        return head;
      }
    }
    advance(false);
    synchronized (lock) {
      if (head == null) {
        throw canceled(null); // closed by this thread before it started
      }
      return head;
    }
  }

  /** Sends the request on OkHttp's dispatcher; {@link #begin} the response it gets. */
  void startAsync(RetryingCall.ResultCallback<Response> callback) {
    attempts.enqueue(started -> started, callback);
  }

  /** Runs {@code callback}, the caller's code, as the stream's listeners wrap it. */
  void runCallback(Runnable callback) {
    attempts.observation().run(callback);
  }

  /** Tells the stream's listeners it ended with {@code error}, unless it had ended already. */
  void ended(OrqException error) {
    attempts.observation().end(error);
  }

  boolean isClosed() {
    synchronized (lock) {
      return closed;
    }
  }

  /** The failure that reports a close, after {@code delivered} events. */
  OrqCanceledException canceled(@Nullable Throwable cause) {
    return new OrqCanceledException(
        "The stream was closed after " + delivered + " event(s)", cause);
  }

  /**
   * Starts the stream if it has not started, then reads the next event if {@code takeEvent}: that
   * event, or null at the end (or when no event was asked for). Throws on failure; either way ends
   * cleanly.
   */
  @Nullable
  private ResponseEvent advance(boolean takeEvent) {
    if (startFailure != null) {
      throw startFailure;
    }
    synchronized (lock) {
      OrqException ended = attempts.endedBy(null);
      if (ended != null) {
        closeBodyLocked();
        throw ended;
      }
      if (closed) {
        closeBodyLocked();
        if (closer == Thread.currentThread()) {
          return null;
        }
        throw canceled(null);
      }
      reading = true;
    }
    boolean end = true;
    try {
      if (reader == null) {
        begin(attempts.execute(started -> started));
      }
      if (!takeEvent) {
        end = false;
        return null;
      }
      ResponseEvent event = reader.next(delivered);
      end = event == null;
      if (end) {
        attempts.observation().end(null);
      } else {
        attempts.observation().event(event);
      }
      return event;
    } catch (OrqException e) {
      // until the stream began, failures come from the attempt engine, already typed
      OrqException ended = reader != null ? attempts.endedBy(e) : null;
      if (ended != null) {
        attempts.observation().end(ended);
        throw ended; // the client's close, or the deadline, broke the read off
      }
      boolean canceled;
      boolean byThisThread;
      synchronized (lock) {
        canceled = closed;
        byThisThread = closer == Thread.currentThread();
      }
      if (canceled && byThisThread) {
        return null; // closed on this thread during the read, by an interceptor or listener
      }
      OrqException failure = canceled ? canceled(e) : e;
      if (reader == null) {
        startFailure = failure;
      }
      attempts.observation().end(failure);
      throw failure;
    } finally {
      synchronized (lock) {
        reading = false;
        if (end || closed) {
          closeBodyLocked(); // after a close, the next read reports it (see the class Javadoc)
        }
      }
    }
  }

  /** Starts reading {@code started}, the stream's 2xx response. */
  void begin(Response started) {
    synchronized (lock) {
      response = started;
      head = new OrqResponse<>(started.code(), started.headers(), null);
      if (closed) {
        closeBodyLocked();
      }
    }
    reader = provider.open(context, started, client.readTimeoutMillis());
  }

  @GuardedBy("lock")
  private void closeBodyLocked() {
    if (!bodyClosed && response != null) {
      bodyClosed = true;
      response.close();
      attempts.finish();
    }
  }

  @Override
  public String toString() {
    return "StreamResponse{" + request.url() + ", events=" + delivered + "}";
  }
}
