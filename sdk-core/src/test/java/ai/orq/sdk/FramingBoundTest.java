package ai.orq.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.orq.sdk.errors.ResponseTooLargeException;
import ai.orq.sdk.internal.FramingBound;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.net.SocketFactory;
import org.junit.jupiter.api.Test;

/**
 * The bound below OkHttp: a chunk-size line that never ends fails typed, after about the limit; and
 * the bound's socket factory connects in each of the ways a {@link SocketFactory} can.
 */
class FramingBoundTest {

  @Test
  void anEndlessChunkExtensionFailsTyped() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread serving =
          new Thread(
              () -> {
                try (Socket socket = server.accept()) {
                  OutputStream out = socket.getOutputStream();
                  out.write(
                      ("HTTP/1.1 200 OK\r\n"
                              + "Content-Type: application/json\r\n"
                              + "Transfer-Encoding: chunked\r\n\r\n"
                              + "5;x=")
                          .getBytes(StandardCharsets.US_ASCII));
                  byte[] filler = new byte[8192];
                  java.util.Arrays.fill(filler, (byte) 'a');
                  for (int i = 0; i < 1000; i++) {
                    out.write(filler);
                  }
                } catch (IOException e) {
                  // the client went away: expected
                }
              });
      serving.setDaemon(true);
      serving.start();
      try (OrqClient client =
          OrqClient.builder()
              .apiKey(TestServers.API_KEY)
              .baseUrl("http://127.0.0.1:" + server.getLocalPort())
              .maxRetries(2)
              .maxResponseBytes(64 * 1024)
              .build()) {
        ResponseTooLargeException e =
            assertThrows(
                ResponseTooLargeException.class,
                () -> client.conversations().retrieve("conv_1").execute());
        assertEquals(64 * 1024, e.limitBytes());
        assertTrue(e.getMessage().startsWith("The response's HTTP framing"), e.getMessage());
      }
    }
  }

  @Test
  void theSocketFactoryConnectsEveryWay() throws Exception {
    SocketFactory factory = new FramingBound(1024).socketFactory();
    InetAddress loopback = InetAddress.getLoopbackAddress();
    try (ServerSocket server = new ServerSocket(0, 50, loopback)) {
      int port = server.getLocalPort();
      Socket[] sockets = {
        factory.createSocket(loopback.getHostAddress(), port),
        factory.createSocket(loopback.getHostAddress(), port, loopback, 0),
        factory.createSocket(loopback, port),
        factory.createSocket(loopback, port, loopback, 0),
      };
      for (Socket socket : sockets) {
        try (Socket accepted = server.accept();
            Socket connected = socket) {
          accepted.getOutputStream().write(new byte[] {1, 2});
          assertTrue(connected.isConnected());
          assertEquals(1, connected.getInputStream().read(), "counted reads pass bytes through");
          assertEquals(1, connected.getInputStream().read(new byte[4], 0, 4));
        }
      }
    }
  }
}
