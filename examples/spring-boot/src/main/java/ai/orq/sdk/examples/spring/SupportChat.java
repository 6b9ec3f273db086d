package ai.orq.sdk.examples.spring;

import ai.orq.sdk.Messages;
import ai.orq.sdk.OrqClient;
import ai.orq.sdk.StreamResponse;
import ai.orq.sdk.model.CreateConversationRequest;
import ai.orq.sdk.model.CreateResponseRequest;
import ai.orq.sdk.model.ResponseEvent;
import ai.orq.sdk.model.ResponsePart;
import java.io.PrintStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** Asks a question in a new conversation and streams the reply. */
// [readme:spring-service]
@Service
public class SupportChat {
  private final OrqClient orq;
  private final String projectId;
  private final String model;

  public SupportChat(
      OrqClient orq, // the auto-configured client
      @Value("${ORQ_PROJECT_ID:example-project}") String projectId,
      @Value("${ORQ_MODEL:openai/gpt-4o}") String model) {
    this.orq = orq;
    this.projectId = projectId;
    this.model = model;
  }

  /** Prints the reply as it arrives, and returns it whole. */
  public String ask(String question, PrintStream out) {
    String conversationId =
        orq.conversations()
            .create(CreateConversationRequest.builder().projectId(projectId).build())
            .execute()
            .getId();
    CreateResponseRequest request =
        CreateResponseRequest.builder().model(model).message(Messages.userText(question)).build();
    StringBuilder reply = new StringBuilder();
    try (StreamResponse<ResponseEvent> events =
        orq.conversations().createConversationResponse(conversationId, request)) {
      for (ResponseEvent event : events) {
        if (event.isPartDelta()) {
          ResponsePart delta = event.asPartDelta().getData().getDelta();
          if (delta.isText()) {
            out.print(delta.asText().getText());
            reply.append(delta.asText().getText());
          }
        }
      }
    }
    out.println();
    return reply.toString();
  }
}
// [/readme:spring-service]
