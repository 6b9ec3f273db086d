package ai.orq.sdk;

import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Request;
import okhttp3.Response;
import okio.Timeout;

/**
 * What Retrofit's call factory returns, so that it builds requests from the generated interface
 * without creating OkHttp calls: {@link RealOrqCall} runs each request itself (per attempt, with
 * per-request options). It only carries its request; anything else is a bug.
 */
final class RequestOnlyCall implements Call {
  private final Request request;

  RequestOnlyCall(Request request) {
    this.request = request;
  }

  @Override
  public Request request() {
    return request;
  }

  @Override
  public Response execute() {
    throw unsupported();
  }

  @Override
  public void enqueue(Callback responseCallback) {
    throw unsupported();
  }

  @Override
  public void cancel() {
    throw unsupported();
  }

  @Override
  public boolean isExecuted() {
    throw unsupported();
  }

  @Override
  public boolean isCanceled() {
    throw unsupported();
  }

  @Override
  public Timeout timeout() {
    throw unsupported();
  }

  @Override
  public Call clone() {
    throw unsupported();
  }

  private static UnsupportedOperationException unsupported() {
    return new UnsupportedOperationException("Builds requests only; RealOrqCall runs them");
  }
}
