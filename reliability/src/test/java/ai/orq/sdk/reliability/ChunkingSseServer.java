package ai.orq.sdk.reliability;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A raw-socket HTTP/1.1 server on 127.0.0.1 that answers every request with {@code 200
 * text/event-stream} and the body set by {@link #respondWith}, written in random pieces with a
 * flush after each and an occasional pause, so the client sees reads that end anywhere: inside a
 * UTF-8 character, between the CR and LF of a line end, inside a field name. The body framing is
 * random too: chunked (random chunk sizes), Content-Length, or ended by closing the connection.
 */
final class ChunkingSseServer implements AutoCloseable {
  enum Framing {
    CHUNKED,
    CONTENT_LENGTH,
    CLOSE
  }

  private record Script(byte[] body, Framing framing, long seed) {}

  private final ServerSocket serverSocket;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final Thread acceptor;
  private volatile Script script;
  private volatile boolean closed;

  ChunkingSseServer() throws IOException {
    serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = new Thread(this::acceptLoop, "chunking-sse-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + serverSocket.getLocalPort() + "/";
  }

  /** The body (and how to frame and cut it) for the following requests. */
  void respondWith(byte[] body, Framing framing, long seed) {
    script = new Script(body, framing, seed);
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket socket = serverSocket.accept();
        open.add(socket);
        Thread worker = new Thread(() -> serve(socket), "chunking-sse-connection");
        worker.setDaemon(true);
        worker.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      socket.setTcpNoDelay(true);
      InputStream in = new BufferedInputStream(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      while (!closed) {
        if (!readRequest(in)) {
          return;
        }
        Script s = script;
        if (!write(out, s)) {
          return; // close-delimited body: the connection ends with it
        }
      }
    } catch (IOException | InterruptedException e) {
      // the client gave up on the stream (or the test ended): fine
    } finally {
      open.remove(socket);
    }
  }

  /** Returns true when the connection may carry another request. */
  private static boolean write(OutputStream out, Script s)
      throws IOException, InterruptedException {
    Random random = new Random(s.seed());
    StringBuilder head =
        new StringBuilder("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n");
    switch (s.framing()) {
      case CHUNKED -> head.append("Transfer-Encoding: chunked\r\n");
      case CONTENT_LENGTH -> head.append("Content-Length: ").append(s.body().length).append("\r\n");
      case CLOSE -> head.append("Connection: close\r\n");
    }
    out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
    out.flush();
    byte[] body = s.body();
    int pos = 0;
    while (pos < body.length) {
      int size = Math.min(body.length - pos, 1 + random.nextInt(random.nextInt(4) == 0 ? 512 : 16));
      if (s.framing() == Framing.CHUNKED) {
        out.write((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        writeCut(out, body, pos, size, random);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
      } else {
        writeCut(out, body, pos, size, random);
      }
      pos += size;
    }
    if (s.framing() == Framing.CHUNKED) {
      out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    out.flush();
    return s.framing() != Framing.CLOSE;
  }

  /** Writes bytes in up to two TCP writes with flushes, sometimes pausing between them. */
  private static void writeCut(OutputStream out, byte[] body, int pos, int size, Random random)
      throws IOException, InterruptedException {
    int first = size == 1 ? 1 : 1 + random.nextInt(size - 1);
    out.write(body, pos, first);
    out.flush();
    if (random.nextInt(16) == 0) {
      Thread.sleep(1);
    }
    if (first < size) {
      out.write(body, pos + first, size - first);
      out.flush();
    }
  }

  /** Reads one request (headers and a Content-Length body); false at end of stream. */
  static boolean readRequest(InputStream in) throws IOException {
    long contentLength = 0;
    boolean first = true;
    StringBuilder line = new StringBuilder();
    while (true) {
      int b = in.read();
      if (b == -1) {
        return false;
      }
      if (b != '\n') {
        if (b != '\r') {
          line.append((char) b);
        }
        continue;
      }
      if (line.length() == 0) {
        if (first) {
          continue;
        }
        break;
      }
      first = false;
      String header = line.toString().toLowerCase(Locale.ROOT);
      if (header.startsWith("content-length:")) {
        contentLength = Long.parseLong(header.substring(15).trim());
      }
      line.setLength(0);
    }
    in.skipNBytes(contentLength);
    return true;
  }

  @Override
  public void close() throws IOException {
    closed = true;
    serverSocket.close();
    for (Socket socket : open) {
      socket.close();
    }
  }
}
