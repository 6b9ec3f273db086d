package ai.orq.sdk.reliability;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw-socket HTTP/1.1 server on 127.0.0.1 for the fault "the server committed, then the
 * connection died": it reads each request whole (the server has acted on it), starts the good
 * answer of an {@link Operation} (status line, headers with the full {@code Content-Length}) and
 * closes the connection halfway through the body; a bodiless answer (204) is not started at all.
 * With {@code recover}, every request after the first gets the whole good answer.
 */
final class CommittingServer implements AutoCloseable {
  private final ServerSocket serverSocket;
  private final Operation op;
  private final boolean recover;
  private final AtomicInteger requests = new AtomicInteger();
  private final Thread acceptor;

  CommittingServer(Operation op, boolean recover) throws IOException {
    this.op = op;
    this.recover = recover;
    serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = new Thread(this::acceptLoop, "committing-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + serverSocket.getLocalPort() + "/";
  }

  /** Requests read whole so far: each one the server acted on. */
  int requests() {
    return requests.get();
  }

  private void acceptLoop() {
    while (true) {
      try (Socket socket = serverSocket.accept()) {
        if (!ChunkingSseServer.readRequest(new BufferedInputStream(socket.getInputStream()))) {
          continue;
        }
        boolean broken = requests.incrementAndGet() == 1 || !recover;
        answer(socket.getOutputStream(), broken);
      } catch (IOException e) {
        if (serverSocket.isClosed()) {
          return;
        }
      }
    }
  }

  private void answer(OutputStream out, boolean broken) throws IOException {
    byte[] body = op.body.getBytes(StandardCharsets.UTF_8);
    if (broken && body.length == 0) {
      return; // closing the socket is all the client gets
    }
    StringBuilder head =
        new StringBuilder("HTTP/1.1 ")
            .append(op.status)
            .append(" X\r\n")
            .append("Connection: close\r\n")
            .append("Content-Length: ")
            .append(body.length)
            .append("\r\n");
    if (op.contentType != null) {
      head.append("Content-Type: ").append(op.contentType).append("\r\n");
    }
    out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
    out.write(body, 0, broken ? body.length / 2 : body.length);
    out.flush();
  }

  @Override
  public void close() throws IOException {
    serverSocket.close();
  }
}
