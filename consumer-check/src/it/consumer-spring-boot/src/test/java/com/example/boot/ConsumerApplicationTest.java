package com.example.boot;

import static org.assertj.core.api.Assertions.assertThat;

import ai.orq.sdk.localserver.LocalOrqServer;
import ai.orq.sdk.localserver.ScriptedResponse;
import ai.orq.sdk.spring.test.AutoConfigureOrqLocalServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
@AutoConfigureOrqLocalServer
class ConsumerApplicationTest {
  @Autowired ReplyService replies;
  @Autowired LocalOrqServer server;
  @Autowired HealthIndicator orqHealthIndicator;

  @Test
  void streamsAReplyThroughTheAutoConfiguredClient() {
    server.enqueue(ScriptedResponse.text("Hello", " from", " Boot"));
    assertThat(replies.ask("Hi")).isEqualTo("Hello from Boot");
    assertThat(orqHealthIndicator.health().getStatus()).isEqualTo(Status.UP);
    assertThat(orqHealthIndicator.health().getDetails()).containsEntry("operations", 2L);
  }
}
