package ai.orq.sdk.spring.test;

import static org.assertj.core.api.Assertions.assertThat;

import ai.orq.sdk.Messages;
import ai.orq.sdk.OrqClient;
import ai.orq.sdk.localserver.LocalOrqServer;
import ai.orq.sdk.localserver.ScriptedResponse;
import ai.orq.sdk.model.CreateConversationRequest;
import ai.orq.sdk.model.CreateResponseRequest;
import ai.orq.sdk.streaming.ResponseAccumulator;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(properties = {"orq.api-key=never-used", "orq.base-url=https://never.example"})
@AutoConfigureOrqLocalServer
final class AutoConfigureOrqLocalServerTest {
  @Autowired private OrqClient client;
  @Autowired private LocalOrqServer server;

  @Test
  void theAutoConfiguredClientTalksToTheServerBean() throws InterruptedException {
    server.enqueue(ScriptedResponse.text("Scripted", " reply"));
    String id =
        client
            .conversations()
            .create(CreateConversationRequest.builder().projectId("p").build())
            .execute()
            .getId();
    String reply =
        ResponseAccumulator.assemble(
                client
                    .conversations()
                    .createConversationResponse(
                        id,
                        CreateResponseRequest.builder()
                            .model("openai/gpt-4o")
                            .message(Messages.userText("Hi"))
                            .build()))
            .text();
    assertThat(reply).isEqualTo("Scripted reply");
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).header("Authorization"))
        .isEqualTo("Bearer " + server.apiKey());
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class Application {}
}
