package ai.orq.sdk;

import static ai.orq.sdk.TestServers.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.orq.sdk.errors.ResponseTooLargeException;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A success body is read up to a bound, decompressed bytes included: never until memory runs out.
 */
class ResponseBoundsTest {
  private static final String PATH = "/v2/conversations/conv_1";

  @RegisterExtension static WireMockExtension server = TestServers.wireMock();

  @AutoClose
  private final OrqClient client = TestServers.client(server, new RecordingScheduler()).build();

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aBodyOverTheLimitIsRefused(Mode mode) {
    server.stubFor(get(urlEqualTo(PATH)).willReturn(okJson(Fixtures.WITH_MESSAGES)));
    long limit = Fixtures.WITH_MESSAGES.length() - 1;
    try (OrqClient small =
        client.newBuilder().scheduler(new RecordingScheduler()).maxResponseBytes(limit).build()) {

      ResponseTooLargeException e =
          assertThrows(
              ResponseTooLargeException.class,
              () -> mode.run(small.conversations().retrieve("conv_1")));

      assertEquals(limit, e.limitBytes());
    }
    assertEquals(
        "conv_01JJ",
        mode.run(client.conversations().retrieve("conv_1")).body().getId(),
        "the default limit takes it");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aGzipBombStopsAtTheDefaultLimit(Mode mode) throws IOException {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
      byte[] spaces = new byte[1024 * 1024];
      java.util.Arrays.fill(spaces, (byte) ' ');
      for (int i = 0; i < 32; i++) {
        gzip.write(spaces); // 32 MiB of JSON whitespace in about 32 KiB
      }
    }
    server.stubFor(
        get(urlEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("Content-Encoding", "gzip")
                    .withBody(compressed.toByteArray())));

    ResponseTooLargeException e =
        assertThrows(
            ResponseTooLargeException.class,
            () -> mode.run(client.conversations().retrieve("conv_1")));

    assertEquals(16L * 1024 * 1024, e.limitBytes());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aBodyWithAByteOrderMarkStillParses(Mode mode) {
    byte[] json = Fixtures.WITH_MESSAGES.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] withBom = new byte[json.length + 3];
    withBom[0] = (byte) 0xef;
    withBom[1] = (byte) 0xbb;
    withBom[2] = (byte) 0xbf;
    System.arraycopy(json, 0, withBom, 3, json.length);
    server.stubFor(
        get(urlEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(withBom)));

    assertEquals("conv_01JJ", mode.run(client.conversations().retrieve("conv_1")).body().getId());
  }
}
