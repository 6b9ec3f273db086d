package ai.orq.sdk.benchmarks;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal HTTP/1.1 server on 127.0.0.1 that answers every request with pre-rendered bytes, so
 * that the server's own cost per request is a memcpy and a socket write and does not dominate what
 * is measured. One thread per connection, keep-alive, request bodies read by Content-Length and
 * discarded. Routes are matched on method and path (the query is ignored).
 */
final class LoopbackHttpServer implements AutoCloseable {

  /** Writes one complete HTTP response (status line, headers, body) for a request. */
  interface Responder {
    void respond(OutputStream out) throws IOException;
  }

  private final ServerSocket serverSocket;
  private final Map<String, Responder> routes;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger accepted = new AtomicInteger();
  private final Thread acceptor;
  private volatile boolean closed;

  private LoopbackHttpServer(Map<String, Responder> routes) throws IOException {
    this.routes = Map.copyOf(routes);
    this.serverSocket = new ServerSocket(0, 1024, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::acceptLoop, "bench-server-accept");
    this.acceptor.setDaemon(true);
  }

  /** Starts a server; routes map {@code "GET /path"} to a responder. */
  static LoopbackHttpServer start(Map<String, Responder> routes) throws IOException {
    LoopbackHttpServer server = new LoopbackHttpServer(routes);
    server.acceptor.start();
    return server;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + serverSocket.getLocalPort() + "/";
  }

  /** Connections accepted so far. */
  int acceptedConnections() {
    return accepted.get();
  }

  /** Renders a complete {@code Content-Length} response. */
  static byte[] fixedResponse(int status, String reason, String contentType, byte[] body) {
    String head =
        "HTTP/1.1 "
            + status
            + " "
            + reason
            + "\r\n"
            + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n")
            + "Content-Length: "
            + body.length
            + "\r\n"
            + "\r\n";
    byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[headBytes.length + body.length];
    System.arraycopy(headBytes, 0, all, 0, headBytes.length);
    System.arraycopy(body, 0, all, headBytes.length, body.length);
    return all;
  }

  private void acceptLoop() {
    int n = 0;
    while (!closed) {
      Socket socket;
      try {
        socket = serverSocket.accept();
      } catch (IOException e) {
        return; // closed
      }
      accepted.incrementAndGet();
      open.add(socket);
      n++;
      Thread worker = new Thread(() -> serve(socket), "bench-server-" + n);
      worker.setDaemon(true);
      worker.start();
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      socket.setTcpNoDelay(true);
      InputStream in = new BufferedInputStream(socket.getInputStream(), 8192);
      OutputStream out = socket.getOutputStream();
      StringBuilder line = new StringBuilder(128);
      while (!closed) {
        String requestLine = readLine(in, line);
        if (requestLine == null) {
          return; // client closed the connection
        }
        long contentLength = 0;
        boolean close = false;
        for (String header = readLine(in, line); !header.isEmpty(); header = readLine(in, line)) {
          int colon = header.indexOf(':');
          if (colon <= 0) {
            continue;
          }
          String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
          String value = header.substring(colon + 1).trim();
          if (name.equals("content-length")) {
            contentLength = Long.parseLong(value);
          } else if (name.equals("connection") && value.equalsIgnoreCase("close")) {
            close = true;
          }
        }
        in.skipNBytes(contentLength);
        Responder responder = routes.get(routeKey(requestLine));
        if (responder == null) {
          out.write(
              fixedResponse(
                  404,
                  "Not Found",
                  "application/json",
                  "{\"message\":\"no route\"}".getBytes(StandardCharsets.UTF_8)));
        } else {
          responder.respond(out);
        }
        out.flush();
        if (close) {
          return;
        }
      }
    } catch (SocketException e) {
      // the client went away (a cancelled stream, a closed pool): nothing to do
    } catch (IOException e) {
      // same
    } finally {
      open.remove(socket);
    }
  }

  private static String routeKey(String requestLine) {
    int firstSpace = requestLine.indexOf(' ');
    int secondSpace = requestLine.indexOf(' ', firstSpace + 1);
    String target =
        requestLine.substring(firstSpace + 1, secondSpace < 0 ? requestLine.length() : secondSpace);
    int query = target.indexOf('?');
    return requestLine.substring(0, firstSpace)
        + " "
        + (query < 0 ? target : target.substring(0, query));
  }

  /** Reads an ASCII line ending in CRLF; returns null at end of stream before any byte. */
  private static String readLine(InputStream in, StringBuilder line) throws IOException {
    line.setLength(0);
    while (true) {
      int b = in.read();
      if (b == -1) {
        if (line.length() == 0) {
          return null;
        }
        throw new IOException("truncated request");
      }
      if (b == '\n') {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
          line.setLength(end - 1);
        }
        return line.toString();
      }
      line.append((char) b);
    }
  }

  @Override
  public void close() throws IOException {
    closed = true;
    serverSocket.close();
    for (Socket socket : open) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }
}
