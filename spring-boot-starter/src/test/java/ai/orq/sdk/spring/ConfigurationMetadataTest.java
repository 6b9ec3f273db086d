package ai.orq.sdk.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The metadata IDEs complete {@code orq.*} from: every property, each saying its default. */
final class ConfigurationMetadataTest {
  @Test
  void listsEveryPropertyWithItsDefaultInTheDescription() throws IOException {
    Map<String, String> descriptions = new TreeMap<>();
    try (InputStream in =
        getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      assertThat(in).isNotNull();
      JsonObject metadata =
          JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
              .getAsJsonObject();
      for (JsonElement property : metadata.getAsJsonArray("properties")) {
        JsonObject p = property.getAsJsonObject();
        descriptions.put(p.get("name").getAsString(), p.get("description").getAsString());
      }
    }
    assertThat(descriptions)
        .containsOnlyKeys(
            "orq.api-key",
            "orq.base-url",
            "orq.allow-cleartext-http",
            "orq.connect-timeout",
            "orq.timeout",
            "orq.deadline",
            "orq.max-retries",
            "orq.retry-non-idempotent",
            "orq.max-response-size",
            "orq.log-level",
            "orq.application-id",
            "orq.health.failure-threshold",
            "orq.health.probe",
            "orq.health.probe-timeout",
            "orq.opentelemetry.enabled");
    assertThat(descriptions.get("orq.api-key")).contains("ORQ_API_KEY");
    assertThat(descriptions.get("orq.base-url")).contains("ORQ_BASE_URL", "https://my.orq.ai");
    assertThat(descriptions.get("orq.connect-timeout")).contains("Defaults to 60s");
    assertThat(descriptions.get("orq.timeout")).contains("Defaults to 10m");
    assertThat(descriptions.get("orq.deadline")).contains("Defaults to 0 (none)");
    assertThat(descriptions.get("orq.max-retries")).contains("Defaults to 2");
    assertThat(descriptions.get("orq.max-response-size")).contains("Defaults to 16MB");
    assertThat(descriptions.get("orq.log-level")).contains("Defaults to none");
    descriptions.forEach(
        (name, description) ->
            assertThat(description).as(name).containsAnyOf("Defaults to", "Required"));
  }
}
