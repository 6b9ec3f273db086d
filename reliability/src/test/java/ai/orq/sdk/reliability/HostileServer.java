package ai.orq.sdk.reliability;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A raw-socket HTTP/1.1 server on 127.0.0.1 that answers as a script says, byte by byte: plausible
 * but bad answers WireMock cannot give (a head that trickles, framing that never ends, a redirect
 * loop). Each request is read whole and recorded; then the script writes whatever it likes and the
 * connection closes. One thread per connection, all daemons.
 */
final class HostileServer implements AutoCloseable {
  /** What the server writes for one request. */
  interface Script {
    void answer(Request request, OutputStream out) throws IOException, InterruptedException;
  }

  /** A request as received. */
  record Request(String method, String path, Map<String, String> headers, String body) {}

  private final ServerSocket serverSocket;
  private final Script script;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final List<Socket> open = new CopyOnWriteArrayList<>();

  HostileServer(Script script) throws IOException {
    this.script = script;
    serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::acceptLoop, "hostile-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + serverSocket.getLocalPort() + "/";
  }

  int port() {
    return serverSocket.getLocalPort();
  }

  /** The requests read so far, in order. */
  List<Request> requests() {
    return new ArrayList<>(requests);
  }

  /** Writes {@code text} as ASCII and flushes. */
  static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** Writes {@code text} one byte every {@code gapMillis}, for as long as the client reads. */
  static void trickle(OutputStream out, String text, long gapMillis)
      throws IOException, InterruptedException {
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      out.write(b);
      out.flush();
      Thread.sleep(gapMillis);
    }
  }

  private void acceptLoop() {
    while (!serverSocket.isClosed()) {
      Socket socket;
      try {
        socket = serverSocket.accept();
      } catch (IOException e) {
        return;
      }
      open.add(socket);
      Thread connection = new Thread(() -> serve(socket), "hostile-connection");
      connection.setDaemon(true);
      connection.start();
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      InputStream in = new BufferedInputStream(socket.getInputStream());
      Request request = readRequest(in);
      if (request != null) {
        requests.add(request);
        script.answer(request, socket.getOutputStream());
      }
    } catch (IOException | InterruptedException e) {
      // the client went away, or the server closed: the script ends there
    } finally {
      open.remove(socket);
    }
  }

  private static Request readRequest(InputStream in) throws IOException {
    String requestLine = readLine(in);
    if (requestLine == null) {
      return null;
    }
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
      int colon = line.indexOf(':');
      headers.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
    }
    int length = Integer.parseInt(headers.getOrDefault("Content-Length", "0"));
    String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
    String[] parts = requestLine.split(" ");
    return new Request(parts[0], parts[1], headers, body);
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b == -1) {
        return null;
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }

  /** Stops accepting and closes every open connection. */
  @Override
  public void close() throws IOException {
    serverSocket.close();
    for (Socket socket : open) {
      socket.close();
    }
  }
}
