package ai.orq.sdk.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import ai.orq.sdk.localserver.LocalOrqServer;
import ai.orq.sdk.localserver.RecordedRequest;
import ai.orq.sdk.localserver.ScriptedResponse;
import ai.orq.sdk.spring.OrqProperties;
import ai.orq.sdk.spring.test.AutoConfigureOrqLocalServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.util.unit.DataSize;

// [readme:spring-test]
@SpringBootTest
@AutoConfigureOrqLocalServer
class SupportChatTest {
  @Autowired SupportChat chat;
  @Autowired LocalOrqServer server; // the server the client talks to

  @Test
  void streamsTheReply() throws InterruptedException {
    server.enqueue(ScriptedResponse.text("Visit", " Belém"));
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    String reply =
        chat.ask("What should I see?", new PrintStream(printed, true, StandardCharsets.UTF_8));

    assertThat(reply).isEqualTo("Visit Belém");
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .isEqualTo("Visit Belém" + System.lineSeparator());
    RecordedRequest create = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(create.header("User-Agent")).endsWith(" support-chat/1.0"); // the customizer's
    assertThat(create.header("X-Team")).isEqualTo("support");
  }

  // [/readme:spring-test]

  @Autowired OrqProperties properties;

  @Test
  void applicationYamlSetsTheDefaults() {
    assertThat(properties.getConnectTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(properties.getTimeout()).isEqualTo(Duration.ofMinutes(10));
    assertThat(properties.getDeadline()).isEqualTo(Duration.ZERO);
    assertThat(properties.getMaxRetries()).isEqualTo(2);
    assertThat(properties.getMaxResponseSize()).isEqualTo(DataSize.ofMegabytes(16));
    assertThat(properties.getHealth().getProbeTimeout()).isEqualTo(Duration.ofSeconds(5));
  }
}
