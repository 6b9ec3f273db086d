package ai.orq.sdk.internal;

import ai.orq.sdk.errors.ResponseTooLargeException;
import jakarta.annotation.Nullable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.SocketFactory;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;

/**
 * Not API. The bound on what OkHttp reads for itself, below the body the SDK counts: the status
 * line, the headers and, in a chunked body, the chunk-size lines and trailers. Without it, a line
 * that never ends (a chunk extension, say) fills the heap before the SDK sees a byte of the body.
 *
 * <p>The client's sockets count the bytes read from them by a thread that is running one of the
 * client's exchanges: while it waits for the response head, and during each read of the body, where
 * the bytes beyond those the read asked for are framing. More than {@code maxBytes} of them in one
 * such stretch fails the read with {@link TooLargeException}, which the SDK reports as a {@link
 * ResponseTooLargeException}. Over TLS the bytes counted are the encrypted ones. HTTP/2 is read by
 * OkHttp's own thread and is not counted: its frames carry their length.
 */
public final class FramingBound {
  private final long maxBytes;

  // per instance, not static: each client's bound has its own budget on a thread
  @SuppressWarnings("ThreadLocalUsage")
  private final ThreadLocal<Budget> current = new ThreadLocal<>();

  public FramingBound(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** The failure of a read past the bound; an IOException, so OkHttp drops the connection. */
  public static final class TooLargeException extends IOException {
    private static final long serialVersionUID = 1L;
    private final long limitBytes;

    TooLargeException(long limitBytes) {
      super(
          "More than " + limitBytes + " bytes of HTTP framing (status line, headers, chunk sizes)");
      this.limitBytes = limitBytes;
    }

    /** The SDK's report of it. */
    public ResponseTooLargeException toSdkException() {
      return new ResponseTooLargeException(
          "The response's HTTP framing (its status line, headers or chunk-size lines)", limitBytes);
    }
  }

  /** Sockets that count, made as the platform's default factory makes them. */
  public SocketFactory socketFactory() {
    return new SocketFactory() {
      @Override
      public Socket createSocket() {
        return new CountingSocket();
      }

      @Override
      public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
      }

      @Override
      public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
          throws IOException {
        return connected(
            new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
      }

      @Override
      public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
      }

      @Override
      public Socket createSocket(
          InetAddress address, int port, InetAddress localAddress, int localPort)
          throws IOException {
        return connected(
            new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
      }

      private Socket connected(InetSocketAddress remote, @Nullable InetSocketAddress local)
          throws IOException {
        Socket socket = createSocket();
        if (local != null) {
          socket.bind(local);
        }
        socket.connect(remote);
        return socket;
      }
    };
  }

  /**
   * The network interceptor that opens the budget of each exchange: {@code maxBytes} for the
   * response head, and {@code maxBytes} beyond what each read of the body asks for. The response it
   * returns carries the request it was given, whatever the interceptors after it sent.
   */
  public Interceptor interceptor() {
    return chain -> {
      Request request = chain.request();
      Budget budget = new Budget();
      Response response;
      budget.open(maxBytes);
      try {
        response = chain.proceed(request);
      } finally {
        budget.close();
      }
      Response.Builder bounded = response.newBuilder().request(request);
      ResponseBody body = response.body();
      return (body == null ? bounded : bounded.body(new CountedBody(body, budget))).build();
    };
  }

  /** What may still be read in the current stretch, on the thread that reads it. */
  private final class Budget {
    private long remaining;

    void open(long bytes) {
      remaining = bytes;
      current.set(this);
    }

    void close() {
      current.set(null); // not remove(): the next open on this thread reuses the entry
    }

    void spend(long bytes) throws TooLargeException {
      remaining -= bytes;
      if (remaining < 0) {
        throw new TooLargeException(maxBytes);
      }
    }
  }

  private final class CountedBody extends ResponseBody {
    private final ResponseBody body;
    private final BufferedSource source;

    CountedBody(ResponseBody body, Budget budget) {
      this.body = body;
      this.source =
          Okio.buffer(
              new ForwardingSource(body.source()) {
                @Override
                public long read(Buffer sink, long byteCount) throws IOException {
                  budget.open(byteCount + maxBytes);
                  try {
                    return super.read(sink, byteCount);
                  } finally {
                    budget.close();
                  }
                }
              });
    }

    @Nullable
    @Override
    public MediaType contentType() {
      return body.contentType();
    }

    @Override
    public long contentLength() {
      return body.contentLength();
    }

    @Override
    public BufferedSource source() {
      return source; // ResponseBody.close() closes it: its buffer goes back to the pool
    }
  }

  /** A plain socket whose input counts against the budget of the thread reading it. */
  private final class CountingSocket extends Socket {
    @Nullable private InputStream input;

    @Override
    public synchronized InputStream getInputStream() throws IOException {
      if (input == null) {
        input =
            new FilterInputStream(super.getInputStream()) {
              @Override
              public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                  count(1);
                }
                return b;
              }

              @Override
              public int read(byte[] bytes, int offset, int length) throws IOException {
                int read = super.read(bytes, offset, length);
                if (read > 0) {
                  count(read);
                }
                return read;
              }
            };
      }
      return input;
    }

    private void count(int bytes) throws TooLargeException {
      Budget budget = current.get();
      if (budget != null) {
        budget.spend(bytes);
      }
    }
  }
}
