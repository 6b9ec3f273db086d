package ai.orq.sdk;

import ai.orq.sdk.errors.OrqException;
import ai.orq.sdk.generated.ModelJsonException;
import ai.orq.sdk.internal.ErrorMapper;
import ai.orq.sdk.internal.JsonModels;
import com.google.gson.Gson;
import jakarta.annotation.Nullable;
import java.io.IOException;
import java.util.Objects;
import okhttp3.Response;

/** What follows one attempt of a {@link RealOrqCall}: a response, an error, or a retry after a delay. */
final class Outcome<T> {
  @Nullable final OrqResponse<T> response;
  @Nullable final OrqException error;
  final long retryDelayMillis;

  private Outcome(@Nullable OrqResponse<T> response, @Nullable OrqException error, long retryDelayMillis) {
    this.response = response;
    this.error = error;
    this.retryDelayMillis = retryDelayMillis;
  }

  static <T> Outcome<T> failure(OrqException error) {
    return new Outcome<>(null, error, -1);
  }

  static <T> Outcome<T> retry(long delayMillis) {
    return new Outcome<>(null, null, delayMillis);
  }

  /**
   * Reads a success response: the parsed body, or an {@code InvalidResponseException} naming the
   * JSON path when the body is not JSON of {@code type}, whatever failed while reading it (a
   * missing required property, a value of the wrong type or range). {@code Void} reads nothing.
   *
   * @throws IOException if the body cannot be read
   * @throws ai.orq.sdk.errors.ResponseTooLargeException if the body has more than {@code maxBytes}
   */
  static <T> Outcome<T> parse(Gson gson, Class<T> type, Response response, long maxBytes)
      throws IOException {
    if (type == Void.class) {
      return new Outcome<>(new OrqResponse<>(response.code(), response.headers(), null), null, -1);
    }
    String body = ErrorMapper.readWhole(Objects.requireNonNull(response.body(), "body"), maxBytes);
    String problem;
    ModelJsonException cause = null;
    try {
      T value = JsonModels.read(gson, gson.getAdapter(type), body);
      if (value != null) {
        return new Outcome<>(new OrqResponse<>(response.code(), response.headers(), value), null, -1);
      }
      problem = "expected a " + type.getSimpleName() + " but the body was empty or null";
    } catch (ModelJsonException e) {
      problem = "not a valid " + type.getSimpleName() + ": " + e.getMessage();
      cause = e;
    }
    return failure(ErrorMapper.invalidResponse(response, body, problem, cause));
  }

  boolean isRetry() {
    return retryDelayMillis >= 0;
  }

  /** The response, or throws the error. */
  OrqResponse<T> get() {
    if (error != null) {
      throw error;
    }
    return response;
  }
}
