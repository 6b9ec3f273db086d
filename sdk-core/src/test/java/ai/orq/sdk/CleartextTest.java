package ai.orq.sdk;

import static ai.orq.sdk.TestServers.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The key is never sent in clear text by accident, and a base URL never carries credentials. */
class CleartextTest {
  @RegisterExtension static WireMockExtension server = TestServers.wireMock();

  @Test
  void cleartextToAHostThatIsNotLoopbackIsRefusedUnlessAllowed() {
    OrqClient.Builder remote =
        OrqClient.builder().apiKey(TestServers.API_KEY).baseUrl("http://api.example.com");

    IllegalStateException e = assertThrows(IllegalStateException.class, remote::build);

    assertTrue(e.getMessage().contains("clear text"), e.getMessage());
    assertTrue(e.getMessage().contains("allowCleartextHttp(true)"), e.getMessage());
    remote.allowCleartextHttp(true).build().close();
    OrqClient.builder()
        .apiKey(TestServers.API_KEY)
        .baseUrl("https://api.example.com")
        .build()
        .close();
    OrqClient.builder()
        .apiKey(TestServers.API_KEY)
        .baseUrl("http://10.0.0.7:8080")
        .allowCleartextHttp(true)
        .build()
        .close();
    assertThrows(
        IllegalStateException.class,
        () ->
            OrqClient.builder()
                .apiKey(TestServers.API_KEY)
                .baseUrl("http://10.0.0.7:8080")
                .build());
  }

  @Test
  void cleartextToLoopbackWorks() {
    server.stubFor(
        get(urlEqualTo("/v2/conversations/conv_1")).willReturn(okJson(Fixtures.WITH_MESSAGES)));
    for (String host : new String[] {"127.0.0.1", "localhost"}) {
      try (OrqClient local =
          OrqClient.builder()
              .apiKey(TestServers.API_KEY)
              .baseUrl("http://" + host + ":" + server.getPort())
              .build()) {
        assertEquals("conv_01JJ", local.conversations().retrieve("conv_1").execute().getId(), host);
      }
    }
    assertTrue(OrqClient.isLoopback("::1"));
    assertTrue(OrqClient.isLoopback("127.8.9.10"));
    assertFalse(OrqClient.isLoopback("127.example.com"));
    assertFalse(OrqClient.isLoopback("localhost.example.com"));
  }

  @Test
  void credentialsInTheBaseUrlAreRefusedAndNeverEchoed() {
    for (String url :
        new String[] {
          "https://user:hunter2-secret@my.orq.ai",
          "https://hunter2-secret@my.orq.ai",
          "https://user:hunter2-secret@my.orq.ai/?q=1"
        }) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> OrqClient.builder().baseUrl(url), url);
      assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }
  }
}
