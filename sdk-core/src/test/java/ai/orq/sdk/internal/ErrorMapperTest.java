package ai.orq.sdk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import ai.orq.sdk.errors.InternalServerException;
import ai.orq.sdk.errors.NotFoundException;
import ai.orq.sdk.errors.OrqCanceledException;
import ai.orq.sdk.errors.OrqException;
import ai.orq.sdk.errors.OrqIoException;
import ai.orq.sdk.errors.OrqServiceException;
import ai.orq.sdk.errors.OrqTimeoutException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;
import org.junit.jupiter.api.Test;

/** The mapping used by core and streaming, on responses that WireMock cannot easily produce. */
class ErrorMapperTest {

  @Test
  void ioFailures() {
    IOException reset = new IOException("connection reset");
    OrqException io = ErrorMapper.fromIOException(reset, false);
    assertEquals(OrqIoException.class, io.getClass());
    assertEquals("Request failed: java.io.IOException: connection reset", io.getMessage());
    assertSame(reset, io.getCause());

    assertEquals(
        OrqTimeoutException.class,
        ErrorMapper.fromIOException(new SocketTimeoutException("read"), false).getClass());
    assertEquals(
        "Request timed out: timeout",
        ErrorMapper.fromIOException(new InterruptedIOException("timeout"), false).getMessage());
    OrqException canceled = ErrorMapper.fromIOException(new IOException("Canceled"), true);
    assertEquals(OrqCanceledException.class, canceled.getClass());
    assertEquals("Request canceled", canceled.getMessage());
  }

  @Test
  void aBodyThatBreaksOffKeepsTheStatusAndWhatArrived() {
    Buffer partial = new Buffer().writeUtf8("{\"message\":\"par");
    BufferedSource breaking =
        Okio.buffer(
            new ForwardingSource(partial) {
              @Override
              public long read(Buffer sink, long byteCount) throws IOException {
                long read = super.read(sink, byteCount);
                if (read == -1) {
                  throw new IOException("connection reset");
                }
                return read;
              }
            });

    OrqServiceException e =
        ErrorMapper.fromResponse(
            response(502, ResponseBody.create(breaking, MediaType.get("application/json"), -1)));

    assertEquals(InternalServerException.class, e.getClass());
    assertEquals("{\"message\":\"par", e.rawBody());
    assertNull(e.errorMessage());
  }

  @Test
  void noBodyAndOtherCharsets() {
    assertEquals("", ErrorMapper.fromResponse(response(404, null)).rawBody());

    byte[] latin1 = "café".getBytes(StandardCharsets.ISO_8859_1);
    NotFoundException e =
        (NotFoundException)
            ErrorMapper.fromResponse(
                response(
                    404,
                    ResponseBody.create(latin1, MediaType.get("text/plain; charset=ISO-8859-1"))));
    assertEquals("café", e.rawBody());
  }

  private static Response response(int code, ResponseBody body) {
    return new Response.Builder()
        .request(new Request.Builder().url("http://127.0.0.1/").build())
        .protocol(Protocol.HTTP_1_1)
        .code(code)
        .message("")
        .body(body)
        .build();
  }
}
