package ai.orq.sdk.streaming.internal;

import ai.orq.sdk.StreamResponse;
import ai.orq.sdk.errors.OrqCanceledException;
import ai.orq.sdk.errors.OrqException;
import ai.orq.sdk.internal.ErrorMapper;
import ai.orq.sdk.model.ResponseEvent;
import jakarta.annotation.Nullable;
import java.io.IOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import okhttp3.Call;
import okhttp3.Response;

/**
 * The blocking stream: events are read and decoded on the caller's thread, one at a time, straight
 * from the response body, with no queue and no other thread. A slow reader slows the server down
 * through TCP flow control instead of filling memory.
 *
 * <p>Closing: {@link #close()} cancels the call (which unblocks a read in progress at once) and
 * closes the body, which releases the connection. The thread that called {@code close()} then
 * sees the iteration end quietly; any other thread still reading gets {@link OrqCanceledException},
 * so a stream closed elsewhere never looks like a normal end. The body is only ever closed by a
 * thread that is not reading it: by {@code close()} when no read is in progress, otherwise by the
 * reader as its read returns.
 */
final class BlockingEventStream implements StreamResponse<ResponseEvent>, Iterator<ResponseEvent> {
  private final StreamingCall streamingCall;
  private final Call call;
  private final Response response;
  private final SseReader reader;
  private final AtomicBoolean iterated = new AtomicBoolean();
  private final Object lock = new Object();

  // guarded by lock
  private boolean reading;
  private boolean closed;
  private boolean bodyClosed;
  @Nullable private Thread closer;

  // confined to the reading thread
  @Nullable private ResponseEvent next;
  private boolean finished;
  private int delivered;

  /**
   * Sends the request, retrying as the client's policy allows until the stream starts, and
   * returns the started stream.
   *
   * @throws OrqException the typed error of a non-2xx answer, or of the connection
   */
  static BlockingEventStream open(StreamingCall streamingCall) {
    for (int attempt = 0; ; attempt++) {
      Call call = streamingCall.newCall(attempt);
      long delay;
      try {
        Response response = call.execute();
        delay = response.isSuccessful() ? -1 : streamingCall.retryDelay(attempt, response);
        if (delay < 0) {
          OrqException failure = StreamingCall.startFailure(response);
          if (failure != null) {
            throw failure;
          }
          return new BlockingEventStream(streamingCall, call, response);
        }
        response.close();
      } catch (IOException e) {
        delay = streamingCall.retryDelay(attempt, call, e);
        if (delay < 0) {
          throw ErrorMapper.fromIOException(e);
        }
      }
      await(streamingCall, delay);
    }
  }

  /** Waits on the client's scheduler, as the core's calls do, so tests can make it instant. */
  private static void await(StreamingCall streamingCall, long delayMillis) {
    CountDownLatch retryTime = new CountDownLatch(1);
    streamingCall.context.scheduleRetry(retryTime::countDown, delayMillis);
    try {
      retryTime.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OrqCanceledException("Interrupted while waiting to retry", e);
    }
  }

  private BlockingEventStream(StreamingCall streamingCall, Call call, Response response) {
    this.streamingCall = streamingCall;
    this.call = call;
    this.response = response;
    this.reader = streamingCall.reader(response);
  }

  @Override
  public Iterator<ResponseEvent> iterator() {
    if (!iterated.compareAndSet(false, true)) {
      throw new IllegalStateException("A stream can be iterated only once.");
    }
    return this;
  }

  @Override
  public Stream<ResponseEvent> stream() {
    Spliterator<ResponseEvent> events =
        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL);
    return StreamSupport.stream(events, false).onClose(this::close);
  }

  @Override
  public boolean hasNext() {
    if (next == null && !finished) {
      next = read();
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
    delivered++;
    return event;
  }

  /** The next event, or null at the end; throws on failure. Either way ends cleanly. */
  @Nullable
  private ResponseEvent read() {
    synchronized (lock) {
      if (closed) {
        finished = true;
        closeBodyLocked();
        if (closer == Thread.currentThread()) {
          return null;
        }
        throw new OrqCanceledException("The stream was closed after " + delivered + " event(s)", null);
      }
      reading = true;
    }
    boolean end = true;
    try {
      ResponseEvent event = streamingCall.nextEvent(reader, delivered);
      end = event == null;
      return event;
    } catch (IOException e) {
      boolean canceled;
      boolean byThisThread;
      synchronized (lock) {
        canceled = closed;
        byThisThread = closer == Thread.currentThread();
      }
      if (canceled && byThisThread) {
        return null; // closed on this thread during the read, by an interceptor or listener
      }
      throw streamingCall.readFailure(e, canceled, delivered);
    } finally {
      synchronized (lock) {
        reading = false;
        finished = end;
        if (end || closed) {
          closeBodyLocked(); // after a close, the next read reports it (see the class Javadoc)
        }
      }
    }
  }

  @Override
  public void close() {
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
    call.cancel(); // unblocks a read in progress; makes closing the body instant
    synchronized (lock) {
      if (!reading) {
        closeBodyLocked();
      }
    }
  }

  private void closeBodyLocked() {
    if (!bodyClosed) {
      bodyClosed = true;
      response.close();
    }
  }

  @Override
  public String toString() {
    return "StreamResponse{" + call.request().url() + ", events=" + delivered + "}";
  }
}
