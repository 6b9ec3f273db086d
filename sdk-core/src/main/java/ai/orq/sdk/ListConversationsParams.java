package ai.orq.sdk;

import ai.orq.sdk.internal.Checks;
import jakarta.annotation.Nullable;
import java.util.Objects;

/** The filters and cursors of {@link Conversations#list}. Immutable; every field is optional. */
public final class ListConversationsParams {
  private static final ListConversationsParams NONE = new Builder().build();

  @Nullable private final Integer limit;
  @Nullable private final String startingAfter;
  @Nullable private final String endingBefore;
  @Nullable private final String entityId;

  private ListConversationsParams(Builder builder) {
    this.limit = builder.limit;
    this.startingAfter = builder.startingAfter;
    this.endingBefore = builder.endingBefore;
    this.entityId = builder.entityId;
  }

  /** No filter: the server's default page size (10), standalone conversations, newest first. */
  public static ListConversationsParams none() {
    return NONE;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  @Nullable
  public Integer limit() {
    return limit;
  }

  @Nullable
  public String startingAfter() {
    return startingAfter;
  }

  @Nullable
  public String endingBefore() {
    return endingBefore;
  }

  @Nullable
  public String entityId() {
    return entityId;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ListConversationsParams)) {
      return false;
    }
    ListConversationsParams that = (ListConversationsParams) o;
    return Objects.equals(limit, that.limit)
        && Objects.equals(startingAfter, that.startingAfter)
        && Objects.equals(endingBefore, that.endingBefore)
        && Objects.equals(entityId, that.entityId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(limit, startingAfter, endingBefore, entityId);
  }

  @Override
  public String toString() {
    return String.format(
        "ListConversationsParams{limit=%s, startingAfter=%s, endingBefore=%s, entityId=%s}",
        limit, startingAfter, endingBefore, entityId);
  }

  /** Builds {@link ListConversationsParams}. Not thread-safe. */
  public static final class Builder {
    @Nullable private Integer limit;
    @Nullable private String startingAfter;
    @Nullable private String endingBefore;
    @Nullable private String entityId;

    private Builder() {}

    private Builder(ListConversationsParams params) {
      limit = params.limit;
      startingAfter = params.startingAfter;
      endingBefore = params.endingBefore;
      entityId = params.entityId;
    }

    /**
     * The page size, from 1 to 100. Defaults to the server's, 10.
     *
     * @throws IllegalArgumentException outside 1 to 100
     */
    public Builder limit(int limit) {
      if (limit < 1 || limit > 100) {
        throw new IllegalArgumentException("limit must be between 1 and 100, was " + limit);
      }
      this.limit = limit;
      return this;
    }

    /** Lists the conversations after this conversation id (older ones). */
    public Builder startingAfter(String conversationId) {
      this.startingAfter = Checks.requireNonBlank(conversationId, "startingAfter");
      return this;
    }

    /** Lists the conversations before this conversation id (newer ones). */
    public Builder endingBefore(String conversationId) {
      this.endingBefore = Checks.requireNonBlank(conversationId, "endingBefore");
      return this;
    }

    /**
     * Lists the conversations of this entity (an agent, for instance) instead of standalone ones.
     */
    public Builder entityId(String entityId) {
      this.entityId = Checks.requireNonBlank(entityId, "entityId");
      return this;
    }

    public ListConversationsParams build() {
      return new ListConversationsParams(this);
    }
  }
}
