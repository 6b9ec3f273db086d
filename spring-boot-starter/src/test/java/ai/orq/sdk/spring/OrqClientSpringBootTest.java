package ai.orq.sdk.spring;

import static org.assertj.core.api.Assertions.assertThat;

import ai.orq.sdk.Messages;
import ai.orq.sdk.OrqClient;
import ai.orq.sdk.StreamResponse;
import ai.orq.sdk.localserver.LocalOrqServer;
import ai.orq.sdk.localserver.ScriptedResponse;
import ai.orq.sdk.model.CreateConversationRequest;
import ai.orq.sdk.model.CreateResponseRequest;
import ai.orq.sdk.model.ResponseEvent;
import ai.orq.sdk.model.ResponsePart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A Boot application with nothing but the starter and {@code orq.api-key} (and here the base URL of
 * a local server) injects the client and streams a reply.
 */
@SpringBootTest
final class OrqClientSpringBootTest {
  private static final LocalOrqServer SERVER = LocalOrqServer.builder().build().start();

  @Autowired private OrqClient client;

  @DynamicPropertySource
  static void orq(DynamicPropertyRegistry registry) {
    registry.add("orq.api-key", SERVER::apiKey);
    registry.add("orq.base-url", SERVER::baseUrl);
  }

  @AfterAll
  static void stop() {
    SERVER.close();
  }

  @Test
  void createsAConversationAndStreamsAReply() {
    SERVER.enqueue(ScriptedResponse.text("Hello", " from", " Boot"));
    String conversationId =
        client
            .conversations()
            .create(CreateConversationRequest.builder().projectId("boot-app").build())
            .execute()
            .getId();
    StringBuilder text = new StringBuilder();
    try (StreamResponse<ResponseEvent> events =
        client
            .conversations()
            .createConversationResponse(
                conversationId,
                CreateResponseRequest.builder()
                    .model("openai/gpt-4o")
                    .message(Messages.userText("Hi"))
                    .build())) {
      for (ResponseEvent event : events) {
        if (event.isPartDelta()) {
          ResponsePart delta = event.asPartDelta().getData().getDelta();
          text.append(delta.asText().getText());
        }
      }
    }
    assertThat(text).hasToString("Hello from Boot");
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class Application {}
}
