package ai.orq.sdk.internal;

import ai.orq.sdk.UnknownFileSource;
import ai.orq.sdk.UnknownMessagePart;
import ai.orq.sdk.UnknownResponseEvent;
import ai.orq.sdk.UnknownResponseFile;
import ai.orq.sdk.UnknownResponsePart;
import ai.orq.sdk.model.ErrorPart;
import ai.orq.sdk.model.FileBytes;
import ai.orq.sdk.model.FilePart;
import ai.orq.sdk.model.FileSource;
import ai.orq.sdk.model.FileUri;
import ai.orq.sdk.model.MessagePart;
import ai.orq.sdk.model.PartDeltaEvent;
import ai.orq.sdk.model.PartDoneEvent;
import ai.orq.sdk.model.ResponseDataPart;
import ai.orq.sdk.model.ResponseDoneEvent;
import ai.orq.sdk.model.ResponseEvent;
import ai.orq.sdk.model.ResponseFailedEvent;
import ai.orq.sdk.model.ResponseFile;
import ai.orq.sdk.model.ResponseFileBytes;
import ai.orq.sdk.model.ResponseFilePart;
import ai.orq.sdk.model.ResponseFileUri;
import ai.orq.sdk.model.ResponsePart;
import ai.orq.sdk.model.ResponseReasoningPart;
import ai.orq.sdk.model.ResponseStartedEvent;
import ai.orq.sdk.model.ResponseTextPart;
import ai.orq.sdk.model.TextPart;
import ai.orq.sdk.model.ToolDoneEvent;
import ai.orq.sdk.model.ToolFailedEvent;
import ai.orq.sdk.model.ToolResultPart;
import ai.orq.sdk.model.ToolReviewDoneEvent;
import ai.orq.sdk.model.ToolReviewRequestedEvent;
import ai.orq.sdk.model.ToolStartedEvent;
import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import jakarta.annotation.Nullable;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads and writes the five unions of the model (generated as interfaces). A known discriminator
 * (or, for {@link FileSource}, the one key present of {@code bytes} and {@code uri}) picks the
 * member class; anything else becomes the union's {@code Unknown*} class, which keeps the raw
 * JSON. On write, a member whose discriminator was left null gets it filled in, and an unknown
 * member is written back as received.
 */
final class UnionTypeAdapterFactory implements TypeAdapterFactory {
  private final Map<Class<?>, Union<?>> unions = new HashMap<>();

  UnionTypeAdapterFactory() {
    add(new Union<>(MessagePart.class, "kind", UnknownMessagePart.class, UnknownMessagePart::new,
            UnknownMessagePart::raw)
        .member("text", TextPart.class)
        .member("file", FilePart.class)
        .member("tool_result", ToolResultPart.class)
        .member("error", ErrorPart.class));
    add(new Union<>(FileSource.class, null, UnknownFileSource.class, UnknownFileSource::new,
            UnknownFileSource::raw)
        .member("bytes", FileBytes.class)
        .member("uri", FileUri.class));
    add(new Union<>(ResponsePart.class, "kind", UnknownResponsePart.class, UnknownResponsePart::new,
            UnknownResponsePart::raw)
        .member("text", ResponseTextPart.class)
        .member("reasoning", ResponseReasoningPart.class)
        .member("file", ResponseFilePart.class)
        .member("data", ResponseDataPart.class));
    add(new Union<>(ResponseFile.class, "type", UnknownResponseFile.class, UnknownResponseFile::new,
            UnknownResponseFile::raw)
        .member("bytes", ResponseFileBytes.class)
        .member("uri", ResponseFileUri.class));
    add(new Union<>(ResponseEvent.class, "type", UnknownResponseEvent.class,
            UnknownResponseEvent::new, UnknownResponseEvent::raw)
        .member("response.started", ResponseStartedEvent.class)
        .member("response.done", ResponseDoneEvent.class)
        .member("response.failed", ResponseFailedEvent.class)
        .member("tool.started", ToolStartedEvent.class)
        .member("tool.done", ToolDoneEvent.class)
        .member("tool.failed", ToolFailedEvent.class)
        .member("tool.review.requested", ToolReviewRequestedEvent.class)
        .member("tool.review.done", ToolReviewDoneEvent.class)
        .member("part.delta", PartDeltaEvent.class)
        .member("part.done", PartDoneEvent.class));
  }

  private void add(Union<?> union) {
    unions.put(union.type, union);
  }

  @Override
  @Nullable
  public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
    Union<?> union = unions.get(type.getRawType());
    if (union == null) {
      return null;
    }
    @SuppressWarnings("unchecked")
    TypeAdapter<T> adapter = (TypeAdapter<T>) new UnionAdapter<>(gson, union).nullSafe();
    return adapter;
  }

  /**
   * One union: its interface, its discriminator property (null when members are told apart by
   * which key is present) and its members by discriminator value (or by key).
   */
  private static final class Union<U> {
    final Class<U> type;
    @Nullable final String discriminator;
    final Class<? extends U> unknownType;
    final Function<JsonObject, ? extends U> toUnknown;
    final Function<U, JsonObject> rawOf;
    final Map<String, Class<? extends U>> members = new LinkedHashMap<>();
    final Map<Class<?>, String> tags = new HashMap<>();

    <K extends U> Union(Class<U> type, @Nullable String discriminator, Class<K> unknownType,
        Function<JsonObject, K> toUnknown, Function<K, JsonObject> rawOf) {
      this.type = type;
      this.discriminator = discriminator;
      this.unknownType = unknownType;
      this.toUnknown = toUnknown;
      this.rawOf = value -> rawOf.apply(unknownType.cast(value));
    }

    Union<U> member(String tag, Class<? extends U> memberType) {
      members.put(tag, memberType);
      tags.put(memberType, tag);
      return this;
    }

    @Nullable
    Class<? extends U> memberFor(JsonObject json) {
      if (discriminator != null) {
        JsonElement tag = json.get(discriminator);
        boolean isString = tag != null && tag.isJsonPrimitive() && tag.getAsJsonPrimitive().isString();
        return isString ? members.get(tag.getAsString()) : null;
      }
      Class<? extends U> found = null;
      for (Map.Entry<String, Class<? extends U>> member : members.entrySet()) {
        if (json.has(member.getKey())) {
          if (found != null) {
            return null;
          }
          found = member.getValue();
        }
      }
      return found;
    }
  }

  private static final class UnionAdapter<U> extends TypeAdapter<U> {
    private final Gson gson;
    private final Union<U> union;
    private final TypeAdapter<JsonElement> elements;

    UnionAdapter(Gson gson, Union<U> union) {
      this.gson = gson;
      this.union = union;
      this.elements = gson.getAdapter(JsonElement.class);
    }

    @Override
    public void write(JsonWriter out, U value) throws IOException {
      elements.write(out, jsonOf(value));
    }

    private JsonObject jsonOf(U value) {
      if (union.unknownType.isInstance(value)) {
        return union.rawOf.apply(value);
      }
      JsonObject json = gson.toJsonTree(value, value.getClass()).getAsJsonObject();
      String tag = union.tags.get(value.getClass());
      if (union.discriminator == null || tag == null || json.has(union.discriminator)) {
        return json;
      }
      JsonObject tagged = new JsonObject();
      tagged.addProperty(union.discriminator, tag);
      for (Map.Entry<String, JsonElement> field : json.entrySet()) {
        tagged.add(field.getKey(), field.getValue());
      }
      return tagged;
    }

    @Override
    public U read(JsonReader in) throws IOException {
      JsonElement json = elements.read(in);
      if (!json.isJsonObject()) {
        throw new JsonParseException(
            "Expected a JSON object for " + union.type.getSimpleName() + " but was " + json);
      }
      JsonObject object = json.getAsJsonObject();
      Class<? extends U> member = union.memberFor(object);
      return member == null ? union.toUnknown.apply(object) : gson.fromJson(object, member);
    }
  }
}
