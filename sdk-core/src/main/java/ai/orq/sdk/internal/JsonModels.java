package ai.orq.sdk.internal;

import ai.orq.sdk.model.ModelJsonException;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.ToNumberPolicy;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import jakarta.annotation.Nullable;
import java.io.EOFException;
import java.io.IOException;
import java.io.StringReader;

/**
 * Not API. Reads JSON text into a generated model. Whatever fails on the way, in the JSON syntax or
 * in any adapter (a missing required property, an enum of the wrong type, a number out of range, a
 * union member of the wrong shape), comes out as one {@link ModelJsonException} naming the JSON
 * path, for the caller to turn into its typed exception.
 */
public final class JsonModels {
  private JsonModels() {}

  /** Gson for the models, which bring their own adapters; free-form whole numbers are longs. */
  public static Gson newGson() {
    return new GsonBuilder()
        .setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE)
        .disableHtmlEscaping()
        .create();
  }

  /** The model in {@code json}, or null when it is empty or the JSON {@code null}. */
  @Nullable
  public static <T> T read(Gson gson, TypeAdapter<T> adapter, String json) {
    JsonReader reader = gson.newJsonReader(new StringReader(json));
    try {
      try {
        JsonToken unused = reader.peek();
      } catch (EOFException e) {
        return null; // an empty body
      }
      T value = adapter.read(reader);
      if (reader.peek() != JsonToken.END_DOCUMENT) {
        throw ModelJsonException.invalid(reader, "more data after the JSON value");
      }
      return value;
    } catch (IOException | RuntimeException e) {
      throw ModelJsonException.of(reader, e);
    }
  }
}
