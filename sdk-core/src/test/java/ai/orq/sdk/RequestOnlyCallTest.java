package ai.orq.sdk;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import okhttp3.Call;
import okhttp3.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The calls Retrofit gets only carry their request; running them is a bug, and says so. */
class RequestOnlyCallTest {

  @Test
  void aCallOnlyCarriesItsRequest() {
    Request request = new Request.Builder().url("http://127.0.0.1/v2/conversations/").build();
    Call call = new RequestOnlyCall(request);

    assertSame(request, call.request());
    List<Executable> unsupported =
        List.of(
            call::execute,
            () -> call.enqueue(null),
            call::cancel,
            call::isExecuted,
            call::isCanceled,
            call::timeout,
            call::clone);
    for (Executable operation : unsupported) {
      assertThrows(UnsupportedOperationException.class, operation);
    }
  }
}
