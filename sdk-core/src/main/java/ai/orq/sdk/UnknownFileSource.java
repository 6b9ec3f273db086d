package ai.orq.sdk;

import ai.orq.sdk.model.FileSource;
import com.google.gson.JsonObject;

/**
 * A file source with neither (or both) of {@code bytes} and {@code uri}.
 * Keeps the JSON as received and is sent back unchanged when it is part of a request. Immutable.
 */
public final class UnknownFileSource extends UnknownVariant implements FileSource {

  public UnknownFileSource(JsonObject raw) {
    super(raw, null);
  }
}
