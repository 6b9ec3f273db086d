package ai.orq.sdk.internal;

import ai.orq.sdk.errors.OrqException;
import ai.orq.sdk.model.FinishReason;
import ai.orq.sdk.model.ResponseDoneEvent;
import ai.orq.sdk.model.ResponseEvent;
import ai.orq.sdk.model.ResponseStartedEvent;
import ai.orq.sdk.model.Usage;
import ai.orq.sdk.observe.AttemptEnd;
import ai.orq.sdk.observe.AttemptStart;
import ai.orq.sdk.observe.OperationEnd;
import ai.orq.sdk.observe.OperationStart;
import ai.orq.sdk.observe.OrqListener;
import com.google.errorprone.annotations.concurrent.GuardedBy;
import jakarta.annotation.Nullable;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.Headers;
import okhttp3.Request;

/**
 * Not API. What the listeners of one operation are told, through one place: each listener's failure
 * is logged and goes no further, the calls come one at a time (the reading thread's events and a
 * closing thread's end may race), and the end is told exactly once, last, by whichever thread finds
 * it first. {@link #NONE}, for a client without listeners, does nothing at all and takes no lock.
 */
public final class Observation {
  private static final Logger LOGGER = Logger.getLogger(OrqListener.class.getPackage().getName());

  /** Observes nothing: the operations of a client without listeners. */
  public static final Observation NONE = new Observation(new OrqListener.Operation[0]);

  private final OrqListener.Operation[] observers;

  @GuardedBy("this")
  private boolean ended;

  @GuardedBy("this")
  private int attempts;

  @GuardedBy("this")
  private int events;

  @GuardedBy("this")
  @Nullable
  private String responseId;

  @GuardedBy("this")
  @Nullable
  private String responseModel;

  @GuardedBy("this")
  @Nullable
  private FinishReason finishReason;

  @GuardedBy("this")
  @Nullable
  private Usage usage;

  private Observation(OrqListener.Operation[] observers) {
    this.observers = observers;
  }

  /** The observation of an operation starting as {@code start} says, told to {@code listeners}. */
  static Observation start(List<OrqListener> listeners, OperationStart start) {
    OrqListener.Operation[] observers = new OrqListener.Operation[listeners.size()];
    for (int i = 0; i < observers.length; i++) {
      OrqListener.Operation observer = OrqListener.Operation.NONE;
      try {
        OrqListener.Operation returned = listeners.get(i).onStart(start);
        if (returned != null) {
          observer = returned;
        }
      } catch (RuntimeException e) {
        LOGGER.log(Level.WARNING, "OrqListener.onStart failed", e);
      }
      observers[i] = observer;
    }
    return new Observation(observers);
  }

  /**
   * Lets the listeners add headers to attempt {@code number}'s request, built by {@code builder}.
   */
  void attemptStarts(int number, Request request, Request.Builder builder) {
    if (observers.length == 0) {
      return;
    }
    AttemptStart attempt = new AttemptStart(number, request, builder);
    synchronized (this) {
      attempts = number + 1;
      tell("onAttemptStart", observer -> observer.onAttemptStart(attempt));
    }
  }

  void attemptEnds(
      int number,
      int statusCode,
      Headers headers,
      @Nullable IOException failure,
      long retryDelayMillis) {
    if (observers.length == 0) {
      return;
    }
    AttemptEnd attempt = new AttemptEnd(number, statusCode, headers, failure, retryDelayMillis);
    synchronized (this) {
      tell("onAttemptEnd", observer -> observer.onAttemptEnd(attempt));
    }
  }

  /** A stream delivers {@code event}: told before the caller gets it. */
  public void event(ResponseEvent event) {
    if (observers.length == 0) {
      return;
    }
    synchronized (this) {
      events++;
      if (event instanceof ResponseStartedEvent) {
        ResponseStartedEvent started = (ResponseStartedEvent) event;
        responseId = started.getData().getResponseId();
        responseModel = started.getData().getModel();
      } else if (event instanceof ResponseDoneEvent) {
        ResponseDoneEvent done = (ResponseDoneEvent) event;
        finishReason = done.getData().getFinishReason();
        usage = done.getData().getUsage();
      }
      tell("onEvent", observer -> observer.onEvent(event));
    }
  }

  /** Tells each listener, unless the operation has ended (nothing follows the end). */
  @GuardedBy("this")
  private void tell(String method, Consumer<OrqListener.Operation> call) {
    if (!ended) {
      each(method, call);
    }
  }

  private void each(String method, Consumer<OrqListener.Operation> call) {
    for (OrqListener.Operation observer : observers) {
      try {
        call.accept(observer);
      } catch (RuntimeException e) {
        LOGGER.log(Level.WARNING, "OrqListener.Operation." + method + " failed", e);
      }
    }
  }

  /**
   * Runs {@code callback}, the caller's code run for this operation on an SDK thread, as each
   * listener wraps it (the first listener's wrapper outermost).
   */
  public void run(Runnable callback) {
    Runnable wrapped = callback;
    for (int i = observers.length - 1; i >= 0; i--) {
      try {
        wrapped = observers[i].wrapCallback(wrapped);
      } catch (RuntimeException e) {
        LOGGER.log(Level.WARNING, "OrqListener.Operation.wrapCallback failed", e);
      }
    }
    wrapped.run();
  }

  /** The operation ended, with {@code error} or (null) successfully; only the first end counts. */
  public void end(@Nullable OrqException error) {
    if (observers.length == 0) {
      return;
    }
    synchronized (this) {
      if (ended) {
        return;
      }
      OperationEnd end =
          new OperationEnd(error, attempts, events, responseId, responseModel, finishReason, usage);
      ended = true; // first: an end told while this one is being told is no second end
      each("onEnd", observer -> observer.onEnd(end));
    }
  }
}
