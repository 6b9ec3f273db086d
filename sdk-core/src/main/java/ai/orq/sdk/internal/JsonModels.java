package ai.orq.sdk.internal;

import ai.orq.sdk.model.ModelJsonException;
import ai.orq.sdk.model.ModelTypeAdapterFactory;
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
import okio.Buffer;

/**
 * Not API. Reads JSON text into a generated model. Whatever fails on the way, in the JSON syntax or
 * in any adapter (a missing required property, an enum of the wrong type, a number out of range, a
 * union member of the wrong shape), comes out as one {@link ModelJsonException} naming the JSON
 * path, for the caller to turn into its typed exception.
 */
public final class JsonModels {
  private JsonModels() {}

  /**
   * Gson for binding free-form JSON to the user's classes ({@code OrqJson}), the models' adapters
   * registered (so that none is looked up through its annotation); whole numbers are longs. The
   * client itself reads and writes the models without a Gson.
   */
  public static Gson newGson() {
    return new GsonBuilder()
        .registerTypeAdapterFactory(new ModelTypeAdapterFactory())
        .setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE)
        .disableHtmlEscaping()
        .create();
  }

  /**
   * The value {@code adapter} reads from {@code json}, or null when it is empty or the JSON {@code
   * null}; read as a Gson of {@link #newGson()} reads it.
   */
  @Nullable
  public static <T> T read(TypeAdapter<T> adapter, String json) {
    JsonReader reader = new JsonReader(new StringReader(json));
    try {
      return parse(reader, adapter);
    } catch (IOException | RuntimeException e) {
      throw ModelJsonException.of(reader, e);
    }
  }

  /**
   * As {@link #read(TypeAdapter, String)} on the UTF-8 text in {@code utf8}, with the same value or
   * the same exception, but without the text as a string in between; the buffer is not consumed.
   * What fails (malformed UTF-8 included) is read again from the text as a string, whose answer is
   * the answer.
   */
  @Nullable
  public static <T> T readUtf8(TypeAdapter<T> adapter, Buffer utf8) {
    try {
      return parse(new JsonReader(new Utf8Reader(utf8)), adapter);
    } catch (IOException | RuntimeException e) {
      return read(adapter, utf8.clone().readUtf8());
    }
  }

  @Nullable
  private static <T> T parse(JsonReader reader, TypeAdapter<T> adapter) throws IOException {
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
  }
}
