package ai.orq.sdk;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import jakarta.annotation.Nullable;
import java.util.Objects;

/** What the five {@code Unknown*} union members share: the raw JSON, kept as received. */
abstract class UnknownVariant {
  private final JsonObject raw;
  @Nullable private final String discriminator;

  UnknownVariant(JsonObject raw, @Nullable String discriminatorName) {
    this.raw = Objects.requireNonNull(raw, "raw == null").deepCopy();
    JsonElement value = discriminatorName == null ? null : raw.get(discriminatorName);
    this.discriminator =
        value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()
            ? value.getAsString()
            : null;
  }

  /** A copy of the JSON object as received; written back as is when this part is sent. */
  public final JsonObject raw() {
    return raw.deepCopy();
  }

  @Nullable
  final String discriminator() {
    return discriminator;
  }

  @Override
  public final boolean equals(Object o) {
    return o != null && o.getClass() == getClass() && ((UnknownVariant) o).raw.equals(raw);
  }

  @Override
  public final int hashCode() {
    return raw.hashCode();
  }

  @Override
  public final String toString() {
    return getClass().getSimpleName() + raw;
  }
}
