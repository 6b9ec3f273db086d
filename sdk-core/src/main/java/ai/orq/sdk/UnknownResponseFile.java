package ai.orq.sdk;

import ai.orq.sdk.model.ResponseFile;
import com.google.gson.JsonObject;
import jakarta.annotation.Nullable;

/**
 * A response file of a type this SDK version does not know.
 * Keeps the JSON as received and is sent back unchanged when it is part of a request. Immutable.
 */
public final class UnknownResponseFile extends UnknownVariant implements ResponseFile {

  public UnknownResponseFile(JsonObject raw) {
    super(raw, "type");
  }

  /** The type as received (one this SDK version does not know), or null when it was absent. */
  @Override
  @Nullable
  public String getType() {
    return discriminator();
  }
}
