package ai.orq.sdk.localserver;

/**
 * The seven operations of the Conversations API, named by their {@code operationId}s. Used to
 * script HTTP errors for one operation ({@link LocalOrqServer#failNext}) and to tell recorded
 * requests apart ({@link RecordedRequest#operation()}).
 */
public enum Operation {
  /** {@code GET /v2/conversations/} */
  LIST("list"),
  /** {@code POST /v2/conversations} */
  CREATE("create"),
  /** {@code POST /v2/conversations/{id}/generate-name} */
  GENERATE_NAME("generateName"),
  /** {@code GET /v2/conversations/{id}} */
  RETRIEVE("retrieve"),
  /** {@code PATCH /v2/conversations/{id}} */
  UPDATE("update"),
  /** {@code DELETE /v2/conversations/{id}} */
  DELETE("delete"),
  /** {@code POST /v2/conversations/{id}/responses}, the event stream */
  CREATE_RESPONSE("createConversationResponse");

  private final String operationId;

  Operation(String operationId) {
    this.operationId = operationId;
  }

  /** The {@code operationId} of the OpenAPI document, e.g. {@code "createConversationResponse"}. */
  public String operationId() {
    return operationId;
  }

  /**
   * The operation with this {@code operationId}.
   *
   * @throws IllegalArgumentException naming the known ids when there is none
   */
  public static Operation forOperationId(String operationId) {
    for (Operation operation : values()) {
      if (operation.operationId.equals(operationId)) {
        return operation;
      }
    }
    StringBuilder known = new StringBuilder();
    for (Operation operation : values()) {
      known.append(known.length() == 0 ? "" : ", ").append(operation.operationId);
    }
    throw new IllegalArgumentException(
        "unknown operation \"" + operationId + "\"; known: " + known);
  }
}
