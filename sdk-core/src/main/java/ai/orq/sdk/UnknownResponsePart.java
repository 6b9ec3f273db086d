package ai.orq.sdk;

import ai.orq.sdk.model.ResponsePart;
import com.google.gson.JsonObject;
import jakarta.annotation.Nullable;

/**
 * A response part of a kind this SDK version does not know.
 * Keeps the JSON as received and is sent back unchanged when it is part of a request. Immutable.
 */
public final class UnknownResponsePart extends UnknownVariant implements ResponsePart {

  public UnknownResponsePart(JsonObject raw) {
    super(raw, "kind");
  }

  /** The kind as received (one this SDK version does not know), or null when it was absent. */
  @Override
  @Nullable
  public String getKind() {
    return discriminator();
  }
}
