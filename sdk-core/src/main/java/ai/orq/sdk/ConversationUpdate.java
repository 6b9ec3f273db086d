package ai.orq.sdk;

import ai.orq.sdk.internal.Checks;
import ai.orq.sdk.internal.UpdateConversationPatch;
import ai.orq.sdk.model.UpdateConversationRequest;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import jakarta.annotation.Nullable;
import java.util.Objects;

/**
 * The changes of {@link Conversations#update}: only the fields set here are sent, and the others
 * keep their value on the server. {@code entityId(null)} (or {@link Builder#detachEntity()}) sends
 * an explicit JSON {@code null}, which detaches the conversation from its entity. Immutable.
 *
 * <pre>{@code
 * ConversationUpdate.builder().displayName("Trip planning").detachEntity().build()
 * // sends {"displayName":"Trip planning","metadata":{"entityId":null}}
 * }</pre>
 */
public final class ConversationUpdate {
  private final JsonObject json;

  private ConversationUpdate(JsonObject json) {
    this.json = json;
  }

  public static Builder builder() {
    return new Builder(new JsonObject());
  }

  public Builder toBuilder() {
    return new Builder(json.deepCopy());
  }

  /** The body as sent, explicit nulls included. */
  UpdateConversationRequest toRequest() {
    return new UpdateConversationPatch(json);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConversationUpdate && ((ConversationUpdate) o).json.equals(json);
  }

  @Override
  public int hashCode() {
    return json.hashCode();
  }

  /** The JSON that will be sent. */
  @Override
  public String toString() {
    return "ConversationUpdate" + json;
  }

  /** Builds a {@link ConversationUpdate}; each setter marks its field as sent. Not thread-safe. */
  public static final class Builder {
    private final JsonObject json;

    private Builder(JsonObject json) {
      this.json = json;
    }

    /** A new display name, at most 100 characters. */
    public Builder displayName(String displayName) {
      Objects.requireNonNull(displayName, "displayName == null");
      json.addProperty("displayName", displayName);
      return this;
    }

    /** Whether a display name is being generated. */
    public Builder generatingTitle(boolean generatingTitle) {
      metadata().addProperty("generatingTitle", generatingTitle);
      return this;
    }

    /** Attaches the conversation to this entity, or detaches it when {@code entityId} is null. */
    public Builder entityId(@Nullable String entityId) {
      metadata().add("entityId", entityId == null
          ? JsonNull.INSTANCE
          : new JsonPrimitive(Checks.requireNonBlank(entityId, "entityId")));
      return this;
    }

    /** Detaches the conversation from its entity: sends {@code "entityId": null}. */
    public Builder detachEntity() {
      return entityId(null);
    }

    public ConversationUpdate build() {
      return new ConversationUpdate(json.deepCopy());
    }

    private JsonObject metadata() {
      if (!json.has("metadata")) {
        json.add("metadata", new JsonObject());
      }
      return json.getAsJsonObject("metadata");
    }
  }
}
