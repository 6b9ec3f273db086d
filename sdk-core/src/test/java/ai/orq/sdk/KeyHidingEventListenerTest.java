package ai.orq.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import okhttp3.EventListener;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * The listener that hides the key passes every event of OkHttp on to the user's listener, and the
 * requests and responses it hands on carry no {@code Authorization}.
 */
class KeyHidingEventListenerTest {
  private static final Request KEYED =
      new Request.Builder()
          .url("https://example.com/")
          .header("Authorization", "Bearer sk-secret")
          .header("X-Other", "kept")
          .build();
  private static final Response RESPONSE =
      new Response.Builder()
          .request(KEYED)
          .protocol(Protocol.HTTP_1_1)
          .code(200)
          .message("OK")
          .build();

  @Test
  void everyEventReachesTheUsersListenerWithoutTheKey() throws Exception {
    List<String> delivered = new ArrayList<>();
    List<Object> arguments = new ArrayList<>();
    EventListener users = recording(delivered, arguments);
    KeyHidingEventListener hiding = new KeyHidingEventListener(users);
    int methods = 0;
    for (Method method : EventListener.class.getDeclaredMethods()) {
      if (!Modifier.isPublic(method.getModifiers()) || Modifier.isStatic(method.getModifiers())) {
        continue;
      }
      Object[] args = new Object[method.getParameterCount()];
      for (int i = 0; i < args.length; i++) {
        Class<?> type = method.getParameterTypes()[i];
        args[i] =
            type == Request.class
                ? KEYED
                : type == Response.class
                    ? RESPONSE
                    : type == long.class
                        ? 0L
                        : type == IOException.class ? new IOException("x") : null;
      }
      method.invoke(hiding, args);
      methods++;
    }
    assertEquals(methods, delivered.size(), "every event passed on: " + delivered);
    for (Object argument : arguments) {
      Request request =
          argument instanceof Response ? ((Response) argument).request() : (Request) argument;
      assertNull(request.header("Authorization"));
      assertEquals("kept", request.header("X-Other"));
    }
    assertEquals(5, arguments.size(), "requestHeadersEnd and the four events with a response");
  }

  /** A listener that records each event's name, and each request or response it is given. */
  private static EventListener recording(List<String> delivered, List<Object> arguments) {
    return new EventListener() {
      @Override
      public void callStart(okhttp3.Call call) {
        delivered.add("callStart");
      }

      @Override
      public void proxySelectStart(okhttp3.Call call, okhttp3.HttpUrl url) {
        delivered.add("proxySelectStart");
      }

      @Override
      public void proxySelectEnd(
          okhttp3.Call call, okhttp3.HttpUrl url, List<java.net.Proxy> proxies) {
        delivered.add("proxySelectEnd");
      }

      @Override
      public void dnsStart(okhttp3.Call call, String domainName) {
        delivered.add("dnsStart");
      }

      @Override
      public void dnsEnd(okhttp3.Call call, String domainName, List<java.net.InetAddress> list) {
        delivered.add("dnsEnd");
      }

      @Override
      public void connectStart(
          okhttp3.Call call, java.net.InetSocketAddress address, java.net.Proxy proxy) {
        delivered.add("connectStart");
      }

      @Override
      public void secureConnectStart(okhttp3.Call call) {
        delivered.add("secureConnectStart");
      }

      @Override
      public void secureConnectEnd(okhttp3.Call call, okhttp3.Handshake handshake) {
        delivered.add("secureConnectEnd");
      }

      @Override
      public void connectEnd(
          okhttp3.Call call,
          java.net.InetSocketAddress address,
          java.net.Proxy proxy,
          Protocol protocol) {
        delivered.add("connectEnd");
      }

      @Override
      public void connectFailed(
          okhttp3.Call call,
          java.net.InetSocketAddress address,
          java.net.Proxy proxy,
          Protocol protocol,
          IOException e) {
        delivered.add("connectFailed");
      }

      @Override
      public void connectionAcquired(okhttp3.Call call, okhttp3.Connection connection) {
        delivered.add("connectionAcquired");
      }

      @Override
      public void connectionReleased(okhttp3.Call call, okhttp3.Connection connection) {
        delivered.add("connectionReleased");
      }

      @Override
      public void requestHeadersStart(okhttp3.Call call) {
        delivered.add("requestHeadersStart");
      }

      @Override
      public void requestHeadersEnd(okhttp3.Call call, Request request) {
        delivered.add("requestHeadersEnd");
        arguments.add(request);
      }

      @Override
      public void requestBodyStart(okhttp3.Call call) {
        delivered.add("requestBodyStart");
      }

      @Override
      public void requestBodyEnd(okhttp3.Call call, long byteCount) {
        delivered.add("requestBodyEnd");
      }

      @Override
      public void requestFailed(okhttp3.Call call, IOException e) {
        delivered.add("requestFailed");
      }

      @Override
      public void responseHeadersStart(okhttp3.Call call) {
        delivered.add("responseHeadersStart");
      }

      @Override
      public void responseHeadersEnd(okhttp3.Call call, Response response) {
        delivered.add("responseHeadersEnd");
        arguments.add(response);
      }

      @Override
      public void responseBodyStart(okhttp3.Call call) {
        delivered.add("responseBodyStart");
      }

      @Override
      public void responseBodyEnd(okhttp3.Call call, long byteCount) {
        delivered.add("responseBodyEnd");
      }

      @Override
      public void responseFailed(okhttp3.Call call, IOException e) {
        delivered.add("responseFailed");
      }

      @Override
      public void callEnd(okhttp3.Call call) {
        delivered.add("callEnd");
      }

      @Override
      public void callFailed(okhttp3.Call call, IOException e) {
        delivered.add("callFailed");
      }

      @Override
      public void canceled(okhttp3.Call call) {
        delivered.add("canceled");
      }

      @Override
      public void satisfactionFailure(okhttp3.Call call, Response response) {
        delivered.add("satisfactionFailure");
        arguments.add(response);
      }

      @Override
      public void cacheHit(okhttp3.Call call, Response response) {
        delivered.add("cacheHit");
        arguments.add(response);
      }

      @Override
      public void cacheMiss(okhttp3.Call call) {
        delivered.add("cacheMiss");
      }

      @Override
      public void cacheConditionalHit(okhttp3.Call call, Response response) {
        delivered.add("cacheConditionalHit");
        arguments.add(response);
      }
    };
  }
}
