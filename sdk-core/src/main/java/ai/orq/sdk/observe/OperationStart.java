package ai.orq.sdk.observe;

import jakarta.annotation.Nullable;
import java.util.Objects;
import okhttp3.HttpUrl;

/** What an operation is, as it starts. Immutable. */
public final class OperationStart {
  private final String operationName;
  private final String method;
  private final HttpUrl url;
  private final boolean streaming;
  @Nullable private final String conversationId;
  @Nullable private final String model;

  /**
   * @param operationName the spec's operation, such as {@code retrieve} or {@code
   *     createConversationResponse}
   * @param conversationId the conversation it is about, or null (for {@code list} and {@code
   *     create})
   * @param model the model it asks for, or null
   */
  public OperationStart(
      String operationName,
      String method,
      HttpUrl url,
      boolean streaming,
      @Nullable String conversationId,
      @Nullable String model) {
    this.operationName = Objects.requireNonNull(operationName, "operationName == null");
    this.method = Objects.requireNonNull(method, "method == null");
    this.url = Objects.requireNonNull(url, "url == null");
    this.streaming = streaming;
    this.conversationId = conversationId;
    this.model = model;
  }

  /** The spec's name of the operation, such as {@code retrieve}. */
  public String operationName() {
    return operationName;
  }

  /** The HTTP method. */
  public String method() {
    return method;
  }

  /** The URL of its request (host and port are the server's address). */
  public HttpUrl url() {
    return url;
  }

  /** Whether the operation streams its response as events. */
  public boolean streaming() {
    return streaming;
  }

  /** The conversation it is about, or null. */
  @Nullable
  public String conversationId() {
    return conversationId;
  }

  /** The model it asks for, or null. */
  @Nullable
  public String model() {
    return model;
  }

  @Override
  public String toString() {
    return "OperationStart{" + operationName + " " + method + " " + url + "}";
  }
}
