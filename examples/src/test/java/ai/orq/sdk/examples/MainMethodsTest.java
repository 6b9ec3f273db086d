package ai.orq.sdk.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import org.junit.jupiter.api.Test;

/**
 * Runs each example the way a reader does, through {@code main}, with no {@code ORQ_API_KEY} (the
 * build removes it from the tests' environment): each must start the local server, say so, and
 * finish without an exception.
 */
final class MainMethodsTest {
  private static final String LOCAL_NOTICE =
      "No ORQ_API_KEY set: using a local orq-compatible server at http://127.0.0.1:";

  interface Main {
    void run(String[] args) throws Exception;
  }

  @Test
  void walkthrough() throws Exception {
    String text = runMain(WalkthroughExample::main);
    assertTrue(text.contains("7. delete"), text);
  }

  @Test
  void async() throws Exception {
    assertTrue(runMain(AsyncExample::main).contains("executeAsync: deleted 4 conversations"));
  }

  @Test
  void streaming() throws Exception {
    assertTrue(runMain(StreamingExample::main).contains("finish reason: stop"));
  }

  @Test
  void listener() throws Exception {
    assertTrue(runMain(ListenerExample::main).contains("createConversationResponse ok in "));
  }

  @Test
  void openTelemetry() throws Exception {
    assertTrue(runMain(OpenTelemetryExample::main).contains("chat openai/gpt-4o-mini (CLIENT) {"));
  }

  @Test
  void streamCancellation() throws Exception {
    assertTrue(
        runMain(StreamCancellationExample::main).contains("closed from another thread after"));
  }

  @Test
  void toolCall() throws Exception {
    assertTrue(
        runMain(ToolCallExample::main).contains("assistant: No rain: sunny both days. (stop)"));
  }

  @Test
  void errorHandling() throws Exception {
    assertTrue(runMain(ErrorHandlingExample::main).contains("404 NotFoundException"));
  }

  @Test
  void retryAndTimeout() throws Exception {
    assertTrue(
        runMain(RetryAndTimeoutExample::main).contains("flaky gateway: succeeded on attempt 3"));
  }

  @Test
  void paging() throws Exception {
    assertTrue(runMain(PagingExample::main).contains("by hand: 25 conversations in 3 pages"));
  }

  private static String runMain(Main main) throws Exception {
    Output output = new Output();
    PrintStream original = System.out;
    synchronized (MainMethodsTest.class) {
      System.setOut(output.stream);
      try {
        main.run(new String[0]);
      } finally {
        System.setOut(original);
      }
    }
    String text = output.text();
    assertTrue(text.startsWith(LOCAL_NOTICE), text);
    return text;
  }
}
