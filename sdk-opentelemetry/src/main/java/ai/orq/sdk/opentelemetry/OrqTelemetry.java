package ai.orq.sdk.opentelemetry;

import ai.orq.sdk.observe.OperationStart;
import ai.orq.sdk.observe.OrqListener;
import io.opentelemetry.api.OpenTelemetry;
import java.util.Objects;

/**
 * Traces and measures a client's operations with OpenTelemetry, after the GenAI semantic
 * conventions (v1.41.0). Register it on the client:
 *
 * <pre>{@code
 * OrqClient client = OrqClient.builder()
 *     .apiKey(System.getenv("ORQ_API_KEY"))
 *     .addListener(OrqTelemetry.create(openTelemetry))
 *     .build();
 * }</pre>
 *
 * <p>Each operation becomes one {@code CLIENT} span, a child of the context current where the
 * operation starts: {@code chat {model}} for {@code createConversationResponse}, the operation's
 * name (such as {@code retrieve}) for the others. A stream's tool calls become {@code execute_tool
 * {name}} child spans, reviews and attempts span events. Every attempt carries the trace context in
 * the headers of the {@link OpenTelemetry#getPropagators() propagators} ({@code traceparent} with
 * the W3C one), and the caller's context is current again in each callback, future stage and stream
 * handler the SDK runs on its own threads. The client metrics of the conventions are recorded with
 * their bucket boundaries.
 *
 * <p>Message content (the response's text, tool arguments and results) is recorded only with {@link
 * Builder#captureMessageContent}. {@code OTEL_SEMCONV_STABILITY_OPT_IN} containing {@code
 * gen_ai_latest_experimental}, read once when this is created, selects the newer experimental
 * metric names.
 *
 * <p>With the OpenTelemetry Java agent also instrumenting OkHttp, each attempt has in addition the
 * agent's HTTP {@code CLIENT} span, nested under the operation's span; turn the agent's off with
 * {@code OTEL_INSTRUMENTATION_OKHTTP_ENABLED=false}, or this one off by not registering it.
 *
 * <p>Immutable and thread-safe; one may serve several clients.
 */
public final class OrqTelemetry implements OrqListener {
  private final Instruments instruments;

  private OrqTelemetry(Instruments instruments) {
    this.instruments = instruments;
  }

  /** Telemetry to {@code openTelemetry}, without message content. */
  public static OrqTelemetry create(OpenTelemetry openTelemetry) {
    return builder(openTelemetry).build();
  }

  /** Configures telemetry to {@code openTelemetry}. */
  public static Builder builder(OpenTelemetry openTelemetry) {
    return new Builder(Objects.requireNonNull(openTelemetry, "openTelemetry == null"));
  }

  @Override
  public Operation onStart(OperationStart start) {
    return TracedOperation.start(instruments, start);
  }

  /** Configures an {@link OrqTelemetry}. Not thread-safe. */
  public static final class Builder {
    private final OpenTelemetry openTelemetry;
    private boolean captureMessageContent;

    private Builder(OpenTelemetry openTelemetry) {
      this.openTelemetry = openTelemetry;
    }

    /**
     * Whether spans record message content: the response's text and reasoning ({@code
     * gen_ai.output.messages}), tool arguments and results. It may hold personal or secret data.
     * Defaults to false.
     */
    public Builder captureMessageContent(boolean captureMessageContent) {
      this.captureMessageContent = captureMessageContent;
      return this;
    }

    /** Reads {@code OTEL_SEMCONV_STABILITY_OPT_IN} once, now. */
    public OrqTelemetry build() {
      return build(System.getenv(GenAi.STABILITY_OPT_IN));
    }

    /** As {@link #build()} with {@code optIn} as the variable's value (null when unset). */
    OrqTelemetry build(String optIn) {
      return new OrqTelemetry(
          new Instruments(openTelemetry, GenAi.forOptIn(optIn), captureMessageContent));
    }
  }
}
