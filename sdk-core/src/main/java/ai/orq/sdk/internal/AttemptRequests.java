package ai.orq.sdk.internal;

import ai.orq.sdk.generated.internal.OperationRequest;
import okhttp3.Headers;
import okhttp3.Request;

/** Not API. The request of each attempt: the call's request with the headers the SDK adds. */
public final class AttemptRequests {
  private static final Headers NONE = Headers.of();

  private AttemptRequests() {}

  /**
   * One copy of {@code request} with the settings' headers, the retry count, the client's headers
   * it lacks, the headers its listeners add, and, if it must not be repeated once sent, the tag
   * that tells if it was. The tag naming the operation ({@link OperationRequest#operationId}), read
   * when the operation starts, is left behind: each of the copies OkHttp and the SDK make below
   * would copy it again.
   */
  static Request of(
      Request request,
      CallSettings settings,
      Headers clientHeaders,
      int attempt,
      Observation observation) {
    Request.Builder builder = OperationRequest.untagged(request.newBuilder());
    Headers extra = settings.headers;
    if (extra.size() > 0) { // names() copies
      for (String name : extra.names()) {
        builder.removeHeader(name);
        for (String value : extra.values(name)) {
          builder.addHeader(name, value);
        }
      }
    }
    builder.header(RetryPolicy.RETRY_COUNT_HEADER, Integer.toString(attempt));
    addMissing(builder, clientHeaders, request.headers(), extra);
    if (!RetryPolicy.repeatable(request, settings)) {
      builder.tag(WireRequests.Attempt.class, new WireRequests.Attempt());
    }
    observation.attemptStarts(attempt, request, builder);
    return builder.build();
  }

  /** {@code request} with each of {@code defaults} that it does not have yet. */
  public static Request withDefaults(Request request, Headers defaults) {
    Request.Builder builder = request.newBuilder();
    addMissing(builder, defaults, request.headers(), NONE);
    return builder.build();
  }

  private static void addMissing(
      Request.Builder builder, Headers defaults, Headers present, Headers alsoPresent) {
    for (int i = 0; i < defaults.size(); i++) {
      String name = defaults.name(i);
      if (present.get(name) == null && alsoPresent.get(name) == null) {
        builder.header(name, defaults.value(i));
      }
    }
  }
}
