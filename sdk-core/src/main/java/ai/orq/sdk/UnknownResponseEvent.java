package ai.orq.sdk;

import ai.orq.sdk.model.ResponseEvent;
import com.google.gson.JsonObject;
import jakarta.annotation.Nullable;

/**
 * A stream event of a type this SDK version does not know.
 * Keeps the JSON as received and is sent back unchanged when it is part of a request. Immutable.
 */
public final class UnknownResponseEvent extends UnknownVariant implements ResponseEvent {

  public UnknownResponseEvent(JsonObject raw) {
    super(raw, "type");
  }

  /** The type as received (one this SDK version does not know), or null when it was absent. */
  @Override
  @Nullable
  public String getType() {
    return discriminator();
  }
}
