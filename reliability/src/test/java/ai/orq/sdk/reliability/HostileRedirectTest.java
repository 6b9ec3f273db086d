package ai.orq.sdk.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.orq.sdk.OrqClient;
import ai.orq.sdk.errors.OrqException;
import ai.orq.sdk.errors.OrqServiceException;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Point 1 of issue 22: no request the SDK did not choose. OkHttp follows no redirect; a 3xx is an
 * {@link OrqServiceException} with its status, {@code Location} and request id, after one request.
 * Before the fix, a 307 loop put 21 POSTs on the wire and a 302 turned create into a GET.
 */
class HostileRedirectTest {

  /** Every request answered with a redirect to {@code location}, and a conversation on GET. */
  private static HostileServer redirecting(int status, String location) throws IOException {
    return new HostileServer(
        (request, out) -> {
          if (request.method().equals("GET")) {
            HostileServer.write(
                out,
                "HTTP/1.1 200 OK\r\n"
                    + "Connection: close\r\n"
                    + "Content-Type: application/json\r\n"
                    + "Content-Length: "
                    + Bodies.CONVERSATION.length()
                    + "\r\n\r\n"
                    + Bodies.CONVERSATION);
          } else {
            HostileServer.write(
                out,
                "HTTP/1.1 "
                    + status
                    + " Moved\r\nLocation: "
                    + location
                    + "\r\n"
                    + "x-request-id: req_redirect\r\n"
                    + "Connection: close\r\n"
                    + "Content-Length: 0\r\n\r\n");
          }
        });
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aRedirectLoopOnCreateIsOneRequestAndAServiceException(boolean async) throws IOException {
    try (HostileServer server = redirecting(307, "/v2/conversations");
        OrqClient client = Hostile.client(server, b -> b)) {
      OrqException e = Hostile.createFailure(client, async);

      assertRedirect(e, 307, "/v2/conversations");
      assertEquals(List.of("POST /v2/conversations"), lines(server));
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aFoundOnCreateIsNotTurnedIntoAGet(boolean async) throws IOException {
    try (HostileServer server = redirecting(302, "/v2/conversations/conv_other");
        OrqClient client = Hostile.client(server, b -> b.maxRetries(2))) {
      OrqException e = Hostile.createFailure(client, async);

      assertRedirect(e, 302, "/v2/conversations/conv_other");
      assertEquals(List.of("POST /v2/conversations"), lines(server), "not retried, no GET");
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aStreamRedirectedToAnotherOriginIsNotFollowed(boolean async) throws IOException {
    try (HostileServer elsewhere = redirecting(307, "/");
        HostileServer server =
            redirecting(308, elsewhere.baseUrl() + "v2/conversations/x/responses");
        OrqClient client = Hostile.client(server, b -> b.maxRetries(2))) {
      OrqException e = Hostile.streamFailure(client, async);

      assertRedirect(e, 308, elsewhere.baseUrl() + "v2/conversations/x/responses");
      assertEquals(1, server.requests().size());
      assertEquals(List.of(), elsewhere.requests(), "nothing sent to the other origin");
    }
  }

  private static void assertRedirect(OrqException e, int status, String location) {
    OrqServiceException service = assertInstanceOf(OrqServiceException.class, e);
    assertEquals(status, service.statusCode());
    assertEquals(location, service.headers().get("Location"));
    assertEquals("req_redirect", service.requestId());
    assertTrue(e.getMessage().startsWith("HTTP " + status), e.getMessage());
    assertTrue(e.getMessage().contains("Location " + location), e.getMessage());
  }

  private static List<String> lines(HostileServer server) {
    return server.requests().stream().map(r -> r.method() + " " + r.path()).toList();
  }
}
