package ai.orq.sdk.localserver;

/** A request that ends with an HTTP error status and a {@code {"message": ...}} body. */
final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  private ApiError(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  static ApiError badRequest(String message) {
    return new ApiError(400, message);
  }

  static ApiError unauthorized(String message) {
    return new ApiError(401, message);
  }

  static ApiError notFound(String message) {
    return new ApiError(404, message);
  }

  static ApiError conversationNotFound(String conversationId) {
    return notFound("Conversation " + conversationId + " not found");
  }

  static ApiError methodNotAllowed(String message) {
    return new ApiError(405, message);
  }

  static ApiError unprocessable(String message) {
    return new ApiError(422, message);
  }

  int status() {
    return status;
  }
}
