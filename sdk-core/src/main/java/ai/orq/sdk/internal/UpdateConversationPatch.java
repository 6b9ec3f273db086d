package ai.orq.sdk.internal;

import ai.orq.sdk.model.UpdateConversationRequest;
import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import jakarta.annotation.Nullable;
import java.io.IOException;

/**
 * Not API. An update body that carries exactly the JSON to send, explicit nulls included, through
 * the generated {@code update(String, UpdateConversationRequest)}: a POJO cannot tell "absent"
 * from "null", so {@link #ADAPTER_FACTORY} writes this JSON verbatim instead of the POJO's fields.
 */
public final class UpdateConversationPatch extends UpdateConversationRequest {
  /** Writes an {@link UpdateConversationPatch} as its JSON; any other update body as usual. */
  static final TypeAdapterFactory ADAPTER_FACTORY =
      new TypeAdapterFactory() {
        @Override
        @Nullable
        public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
          if (type.getRawType() != UpdateConversationRequest.class) {
            return null;
          }
          TypeAdapter<T> delegate = gson.getDelegateAdapter(this, type);
          TypeAdapter<JsonElement> elements = gson.getAdapter(JsonElement.class);
          return new TypeAdapter<T>() {
            @Override
            public void write(JsonWriter out, T value) throws IOException {
              if (!(value instanceof UpdateConversationPatch)) {
                delegate.write(out, value);
                return;
              }
              boolean serializeNulls = out.getSerializeNulls();
              out.setSerializeNulls(true);
              try {
                elements.write(out, ((UpdateConversationPatch) value).json);
              } finally {
                out.setSerializeNulls(serializeNulls);
              }
            }

            @Override
            public T read(JsonReader in) throws IOException {
              return delegate.read(in);
            }
          };
        }
      };

  private final JsonObject json;

  public UpdateConversationPatch(JsonObject json) {
    this.json = json.deepCopy();
  }

  @Override
  public String toString() {
    return "UpdateConversationPatch" + json;
  }
}
