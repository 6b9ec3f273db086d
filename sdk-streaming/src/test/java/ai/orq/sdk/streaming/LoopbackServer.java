package ai.orq.sdk.streaming;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;

/**
 * A tiny HTTP/1.1 server on loopback that writes raw bytes exactly as a test scripts them, with
 * flushes and pauses: chunk boundaries, stalls and dropped connections are under the test's
 * control, which WireMock does not offer. One thread per connection; keep-alive supported.
 */
final class LoopbackServer implements AutoCloseable {
  /** What the server does with one request. */
  interface Script {
    void respond(Exchange exchange) throws Exception;
  }

  /** One request and the means to answer it. */
  static final class Exchange {
    final String method;
    final String path;
    final Map<String, String> headers;
    final String body;
    final int index;
    private final Socket socket;
    private final OutputStream out;
    private boolean chunked;

    Exchange(
        String method,
        String path,
        Map<String, String> headers,
        String body,
        int index,
        Socket socket)
        throws IOException {
      this.method = method;
      this.path = path;
      this.headers = headers;
      this.body = body;
      this.index = index;
      this.socket = socket;
      this.out = socket.getOutputStream();
    }

    /** Starts a chunked {@code text/event-stream} response: the connection can be reused. */
    Exchange startEvents() throws IOException {
      return start(200, "text/event-stream", true);
    }

    /**
     * Starts a response with the given status and content type. Chunked bodies end with {@link
     * #end()}; others are delimited by closing the connection.
     */
    Exchange start(int status, String contentType, boolean chunked) throws IOException {
      this.chunked = chunked;
      StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(" Whatever\r\n");
      head.append("Content-Type: ").append(contentType).append("\r\n");
      head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Connection: close\r\n");
      head.append("\r\n");
      out.write(head.toString().getBytes(ISO_8859_1));
      out.flush();
      return this;
    }

    /**
     * Answers 503 with {@code retry-after-ms: 0} and an error body; the connection stays usable.
     */
    void send503() throws IOException {
      send503(0);
    }

    /** Answers 503 asking for a retry after {@code retryAfterMillis}. */
    void send503(long retryAfterMillis) throws IOException {
      byte[] body = "{\"message\":\"busy\"}".getBytes(UTF_8);
      out.write(
          ("HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nretry-after-ms: "
                  + retryAfterMillis
                  + "\r\n"
                  + "Content-Length: "
                  + body.length
                  + "\r\n\r\n")
              .getBytes(ISO_8859_1));
      out.write(body);
      out.flush();
    }

    /** Writes and flushes; in chunked mode as one HTTP chunk. */
    Exchange send(byte[] bytes) throws IOException {
      if (chunked) {
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(ISO_8859_1));
        out.write(bytes);
        out.write("\r\n".getBytes(ISO_8859_1));
      } else {
        out.write(bytes);
      }
      out.flush();
      return this;
    }

    Exchange send(String text) throws IOException {
      return send(text.getBytes(UTF_8));
    }

    /** One SSE message {@code data: <data>\n\n}. */
    Exchange event(String data) throws IOException {
      return send("data: " + data + "\n\n");
    }

    Exchange pause(long millis) throws InterruptedException {
      Thread.sleep(millis);
      return this;
    }

    /** Ends a chunked body properly, or closes the connection of an unchunked one. */
    void end() throws IOException {
      if (chunked) {
        out.write("0\r\n\r\n".getBytes(ISO_8859_1));
        out.flush();
      } else {
        socket.close();
      }
    }

    /** Drops the connection, mid-chunk if chunked: the client sees a broken body. */
    void drop() throws IOException {
      if (chunked) {
        out.write("ff\r\ndata: {\"half".getBytes(ISO_8859_1));
        out.flush();
      }
      socket.close();
    }

    /** Blocks until the client closes its side (or the socket is closed), then returns. */
    void awaitClientGone(long timeoutMillis) throws IOException {
      socket.setSoTimeout((int) timeoutMillis);
      InputStream in = socket.getInputStream();
      try {
        while (in.read() != -1) {
          // discard
        }
      } catch (IOException expected) {
        // reset or timeout: either way the exchange is over
      }
    }
  }

  private final ServerSocket serverSocket;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final Script script;
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger connections = new AtomicInteger();
  final List<Throwable> scriptFailures = Collections.synchronizedList(new ArrayList<>());
  final List<Exchange> exchanges = Collections.synchronizedList(new ArrayList<>());
  private final List<Socket> sockets = Collections.synchronizedList(new ArrayList<>());

  LoopbackServer(Script script) throws IOException {
    this.script = script;
    this.serverSocket = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
    threads.execute(this::acceptLoop);
  }

  HttpUrl url() {
    return new HttpUrl.Builder()
        .scheme("http")
        .host(serverSocket.getInetAddress().getHostAddress())
        .port(serverSocket.getLocalPort())
        .build();
  }

  int requestCount() {
    return requests.get();
  }

  int connectionCount() {
    return connections.get();
  }

  private void acceptLoop() {
    while (!serverSocket.isClosed()) {
      try {
        Socket socket = serverSocket.accept();
        sockets.add(socket);
        connections.incrementAndGet();
        threads.execute(() -> serve(socket));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (Socket s = socket) {
      InputStream in = new BufferedInputStream(s.getInputStream());
      while (!s.isClosed()) {
        String requestLine = readLine(in);
        if (requestLine == null || requestLine.isEmpty()) {
          return;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
          int colon = line.indexOf(':');
          headers.put(
              line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
              line.substring(colon + 1).trim());
        }
        byte[] body = new byte[Integer.parseInt(headers.getOrDefault("content-length", "0"))];
        for (int read = 0; read < body.length; ) {
          int n = in.read(body, read, body.length - read);
          if (n == -1) {
            return;
          }
          read += n;
        }
        String[] parts = requestLine.split(" ");
        Exchange exchange =
            new Exchange(
                parts[0],
                parts[1],
                headers,
                new String(body, UTF_8),
                requests.getAndIncrement(),
                s);
        exchanges.add(exchange);
        script.respond(exchange);
      }
    } catch (Throwable e) {
      if (!(e instanceof IOException) && !(e instanceof InterruptedException)) {
        scriptFailures.add(e);
      }
    }
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != -1; b = in.read()) {
      if (b == '\n') {
        String text = line.toString("ISO-8859-1");
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
      }
      line.write(b);
    }
    return null;
  }

  @Override
  public void close() throws Exception {
    serverSocket.close();
    synchronized (sockets) {
      for (Socket socket : sockets) {
        socket.close(); // unblocks the threads reading from them
      }
    }
    threads.shutdownNow();
    threads.awaitTermination(5, TimeUnit.SECONDS);
  }
}
