package ai.orq.sdk.opentelemetry;

import static io.opentelemetry.api.common.AttributeKey.booleanKey;
import static io.opentelemetry.api.common.AttributeKey.doubleKey;
import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringArrayKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;

import io.opentelemetry.api.common.AttributeKey;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Every name this module emits, in one place: the OpenTelemetry GenAI semantic conventions v1.41.0
 * (the last release of them in open-telemetry/semantic-conventions), the few names of the HTTP and
 * error conventions it shares, and its own {@code orq.*} names for what the conventions do not
 * cover. {@link #latestExperimental} selects the newer experimental metric names.
 */
final class GenAi {
  static final String SEMCONV_VERSION = "1.41.0";
  static final String SCHEMA_URL = "https://opentelemetry.io/schemas/" + SEMCONV_VERSION;
  static final String INSTRUMENTATION_NAME = "ai.orq.sdk.opentelemetry";

  /** The environment variable the conventions name, and its value that selects the newest names. */
  static final String STABILITY_OPT_IN = "OTEL_SEMCONV_STABILITY_OPT_IN";

  static final String LATEST_EXPERIMENTAL = "gen_ai_latest_experimental";

  static final String PROVIDER = "orq";
  static final String CHAT = "chat";
  static final String EXECUTE_TOOL = "execute_tool";
  static final String INPUT = "input";
  static final String OUTPUT = "output";
  static final String OTHER_ERROR = "_OTHER";

  static final AttributeKey<String> OPERATION_NAME = stringKey("gen_ai.operation.name");
  static final AttributeKey<String> PROVIDER_NAME = stringKey("gen_ai.provider.name");
  static final AttributeKey<String> CONVERSATION_ID = stringKey("gen_ai.conversation.id");
  static final AttributeKey<String> REQUEST_MODEL = stringKey("gen_ai.request.model");
  static final AttributeKey<Boolean> REQUEST_STREAM = booleanKey("gen_ai.request.stream");
  static final AttributeKey<String> RESPONSE_ID = stringKey("gen_ai.response.id");
  static final AttributeKey<String> RESPONSE_MODEL = stringKey("gen_ai.response.model");
  static final AttributeKey<List<String>> RESPONSE_FINISH_REASONS =
      stringArrayKey("gen_ai.response.finish_reasons");
  static final AttributeKey<Double> RESPONSE_TIME_TO_FIRST_CHUNK =
      doubleKey("gen_ai.response.time_to_first_chunk");
  static final AttributeKey<Long> USAGE_INPUT_TOKENS = longKey("gen_ai.usage.input_tokens");
  static final AttributeKey<Long> USAGE_OUTPUT_TOKENS = longKey("gen_ai.usage.output_tokens");
  static final AttributeKey<Long> USAGE_REASONING_OUTPUT_TOKENS =
      longKey("gen_ai.usage.reasoning.output_tokens");
  static final AttributeKey<String> OUTPUT_MESSAGES = stringKey("gen_ai.output.messages");
  static final AttributeKey<String> TOOL_NAME = stringKey("gen_ai.tool.name");
  static final AttributeKey<String> TOOL_CALL_ID = stringKey("gen_ai.tool.call.id");
  static final AttributeKey<String> TOOL_CALL_ARGUMENTS = stringKey("gen_ai.tool.call.arguments");
  static final AttributeKey<String> TOOL_CALL_RESULT = stringKey("gen_ai.tool.call.result");
  static final AttributeKey<String> TOKEN_TYPE = stringKey("gen_ai.token.type");
  static final AttributeKey<String> ERROR_TYPE = stringKey("error.type");
  static final AttributeKey<String> SERVER_ADDRESS = stringKey("server.address");
  static final AttributeKey<Long> SERVER_PORT = longKey("server.port");
  static final AttributeKey<Long> HTTP_RESEND_COUNT = longKey("http.request.resend_count");
  static final AttributeKey<Long> HTTP_STATUS_CODE = longKey("http.response.status_code");

  /** Our own: a span event per attempt, with its status or failure and the wait before the next. */
  static final String ATTEMPT_EVENT = "orq.attempt";

  static final AttributeKey<Long> RETRY_DELAY_MS = longKey("orq.retry.delay_ms");

  /** Our own: a tool call waits for a person's review, and the review's outcome. */
  static final String REVIEW_REQUESTED_EVENT = "orq.tool.review.requested";

  static final String REVIEW_DONE_EVENT = "orq.tool.review.done";
  static final AttributeKey<String> REVIEW_OUTCOME = stringKey("orq.tool.review.outcome");

  /** The JSON names and values of {@code gen_ai.output.messages} (gen-ai-output-messages.json). */
  static final String MESSAGE_ROLE = "role";

  static final String ASSISTANT = "assistant";
  static final String MESSAGE_PARTS = "parts";
  static final String MESSAGE_FINISH_REASON = "finish_reason";
  static final String PART_TYPE = "type";
  static final String PART_CONTENT = "content";
  static final String TEXT_PART = "text";
  static final String REASONING_PART = "reasoning";

  static final String TOKEN_USAGE = "gen_ai.client.token.usage";

  /** The explicit bucket boundaries the conventions give the token usage histogram. */
  static final List<Long> TOKEN_BUCKETS =
      Collections.unmodifiableList(
          Arrays.asList(
              1L, 4L, 16L, 64L, 256L, 1024L, 4096L, 16384L, 65536L, 262144L, 1048576L, 4194304L,
              16777216L, 67108864L));

  /** The explicit bucket boundaries the conventions give each duration histogram, in seconds. */
  static final List<Double> DURATION_BUCKETS =
      Collections.unmodifiableList(
          Arrays.asList(
              0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96,
              81.92));

  private final boolean latest;

  private GenAi(boolean latest) {
    this.latest = latest;
  }

  /**
   * The names selected by {@code optIn}, a value of {@link #STABILITY_OPT_IN} (a comma-separated
   * list; null when unset): v1.41.0, or with {@code gen_ai_latest_experimental} the duration and
   * chunk histograms under their {@code gen_ai.client.inference.*} names of
   * open-telemetry/semantic-conventions-genai's {@code client-inference.md} (not yet released; the
   * token histogram keeps its v1.41.0 name there, spans are the same in both).
   */
  static GenAi forOptIn(String optIn) {
    if (optIn != null) {
      for (String value : optIn.split(",", -1)) {
        if (value.trim().toLowerCase(Locale.ROOT).equals(LATEST_EXPERIMENTAL)) {
          return new GenAi(true);
        }
      }
    }
    return new GenAi(false);
  }

  boolean latestExperimental() {
    return latest;
  }

  String operationDuration() {
    return latest ? "gen_ai.client.inference.duration" : "gen_ai.client.operation.duration";
  }

  String timeToFirstChunk() {
    return latest
        ? "gen_ai.client.inference.time_to_first_chunk"
        : "gen_ai.client.operation.time_to_first_chunk";
  }

  String timePerOutputChunk() {
    return latest
        ? "gen_ai.client.inference.time_per_output_chunk"
        : "gen_ai.client.operation.time_per_output_chunk";
  }
}
