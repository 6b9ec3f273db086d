package ai.orq.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.orq.sdk.errors.InvalidResponseException;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A success body is decoded in the charset it declares (UTF-8 by default, or by a byte order mark)
 * straight from the bytes received, whatever characters it holds and wherever they fall, and a body
 * that is not valid UTF-8 reads as it always did.
 */
class ResponseTextTest {
  private static final String PATH = "/v2/conversations/conv_1";

  /** Two, three and four bytes in UTF-8, and two chars in Java. */
  private static final String WIDE = "é€😀";

  @RegisterExtension static WireMockExtension server = TestServers.wireMock();

  @AutoClose
  private final OrqClient client = TestServers.client(server, new RecordingScheduler()).build();

  @ParameterizedTest
  @EnumSource(Mode.class)
  void charactersOfEveryWidthDecodeWhereverTheyFall(Mode mode) {
    // Okio holds a body in segments of 8 KiB: each shift moves the characters over the first end.
    int before = Fixtures.WITH_MESSAGES.indexOf("Trip planning");
    for (int shift = 0; shift < 12; shift++) {
      String name = "x".repeat(8192 - before - 12 + shift) + WIDE.repeat(3);
      answer(bytes(conversation(name), StandardCharsets.UTF_8), "application/json");

      assertEquals(name, displayName(mode), "shift " + shift);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aByteOrderMarkAndADeclaredCharsetAreHonoured(Mode mode) {
    String name = "Reise nach Köln " + WIDE;
    ByteArrayOutputStream withMark = new ByteArrayOutputStream();
    withMark.write(0xef);
    withMark.write(0xbb);
    withMark.write(0xbf);
    byte[] utf8 = bytes(conversation(name), StandardCharsets.UTF_8);
    withMark.write(utf8, 0, utf8.length);
    answer(withMark.toByteArray(), "application/json");
    assertEquals(name, displayName(mode));

    String latin = "Reise nach Köln";
    answer(
        bytes(conversation(latin), StandardCharsets.ISO_8859_1),
        "application/json; charset=ISO-8859-1");
    assertEquals(latin, displayName(mode));
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void bytesThatAreNotUtf8BecomeReplacementCharacters(Mode mode) {
    byte[] body = bytes(conversation("a?b"), StandardCharsets.UTF_8);
    for (int i = 0; i < body.length; i++) {
      if (body[i] == '?') {
        body[i] = (byte) 0xff;
      }
    }
    answer(body, "application/json");

    assertEquals("a\ufffdb", displayName(mode));
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void anInvalidBodyKeepsItsTextInTheException(Mode mode) {
    String body = "{\"_id\":\"conv_1\",\"displayName\":\"" + WIDE + "\",\"createdAt\":";
    answer(bytes(body, StandardCharsets.UTF_8), "application/json");

    InvalidResponseException e =
        assertThrows(
            InvalidResponseException.class,
            () -> mode.run(client.conversations().retrieve("conv_1")));

    assertEquals(body, e.bodySnippet());
  }

  private String displayName(Mode mode) {
    return mode.run(client.conversations().retrieve("conv_1")).body().getDisplayName();
  }

  private static void answer(byte[] body, String contentType) {
    server.stubFor(
        get(urlEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", contentType)
                    .withBody(body)));
  }

  private static String conversation(String displayName) {
    return Fixtures.WITH_MESSAGES.replace("Trip planning", displayName);
  }

  private static byte[] bytes(String text, Charset charset) {
    return text.getBytes(charset);
  }
}
