package ai.orq.sdk;

import ai.orq.sdk.generated.api.ConversationsApiRequests;
import ai.orq.sdk.internal.Checks;
import ai.orq.sdk.internal.ClientContext;
import ai.orq.sdk.internal.StreamingProvider;
import ai.orq.sdk.model.Conversation;
import ai.orq.sdk.model.ConversationPage;
import ai.orq.sdk.model.ConversationWithMessages;
import ai.orq.sdk.model.CreateConversationRequest;
import ai.orq.sdk.model.CreateResponseRequest;
import ai.orq.sdk.model.GenerateNameRequest;
import ai.orq.sdk.model.ResponseEvent;
import ai.orq.sdk.model.UpdateConversationRequest;
import jakarta.annotation.Nullable;
import java.util.Iterator;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import okhttp3.Request;

/**
 * The conversation operations, from {@link OrqClient#conversations()}. Each returns an {@link
 * OrqCall} that does nothing until executed; arguments are checked at once, so a bad argument
 * throws here, before any request. A conversation id is sent as one percent-encoded path segment
 * (so {@code a/b} stays one segment); the ids {@code .} and {@code ..} are refused. Thread-safe.
 */
public final class Conversations {
  private final ClientContext context;
  private final Supplier<StreamingProvider> findStreaming;
  private final ConversationsApiRequests requests;
  @Nullable private volatile StreamingProvider streaming;

  /**
   * The operations of {@code context}; {@code findStreaming} is asked on the first stream (a call
   * has no need of it, and the lookup reads every jar's services), null meaning none.
   */
  Conversations(ClientContext context, Supplier<StreamingProvider> findStreaming) {
    this.context = context;
    this.findStreaming = findStreaming;
    this.requests = new ConversationsApiRequests(context.baseUrl());
  }

  /** The first page of standalone conversations, newest first. */
  public OrqCall<ConversationPage> list() {
    return list(ListConversationsParams.none());
  }

  /** One page of conversations, newest first. */
  public OrqCall<ConversationPage> list(ListConversationsParams params) {
    Objects.requireNonNull(params, "params == null");
    return call(
        requests.list(
            params.limit(), params.startingAfter(), params.endingBefore(), params.entityId()),
        ConversationPage.class,
        null);
  }

  /** Every standalone conversation, fetched lazily page by page. */
  public ConversationPager listAll() {
    return listAll(ListConversationsParams.none());
  }

  /**
   * Every conversation matching {@code params}, fetched lazily page by page, starting after {@code
   * params.startingAfter()} when set.
   *
   * @throws IllegalArgumentException if {@code params} sets {@code endingBefore}: the walk goes
   *     forward only
   */
  public ConversationPager listAll(ListConversationsParams params) {
    Objects.requireNonNull(params, "params == null");
    if (params.endingBefore() != null) {
      throw new IllegalArgumentException(
          "params.endingBefore must not be set for listAll, which walks forward with"
              + " startingAfter");
    }
    return new ConversationPager(this, params);
  }

  /** Creates a conversation (HTTP 201). */
  public OrqCall<Conversation> create(CreateConversationRequest request) {
    Objects.requireNonNull(request, "request == null");
    return call(requests.create(request), Conversation.class, null);
  }

  /**
   * Names an unnamed conversation from some context; a {@code BadRequestException} if it has a
   * name.
   */
  public OrqCall<Conversation> generateName(String conversationId, GenerateNameRequest request) {
    String id = Checks.requireConversationId(conversationId);
    Objects.requireNonNull(request, "request == null");
    return call(requests.generateName(id, request), Conversation.class, id);
  }

  /** A conversation with its messages, oldest message first. */
  public OrqCall<ConversationWithMessages> retrieve(String conversationId) {
    String id = Checks.requireConversationId(conversationId);
    return call(requests.retrieve(id), ConversationWithMessages.class, id);
  }

  /**
   * Changes the properties set in {@code update}; the others keep their value. A nullable property
   * set to null is sent as an explicit {@code null}, for instance {@code
   * UpdateConversationMetadata.builder().entityId(null)} detaches the conversation from its entity.
   */
  public OrqCall<Conversation> update(String conversationId, UpdateConversationRequest update) {
    String id = Checks.requireConversationId(conversationId);
    Objects.requireNonNull(update, "update == null");
    return call(requests.update(id, update), Conversation.class, id);
  }

  /** Deletes a conversation and its messages (HTTP 204); the call's body is null. */
  public OrqCall<Void> delete(String conversationId) {
    String id = Checks.requireConversationId(conversationId);
    return call(requests.delete(id), Void.class, id);
  }

  /**
   * Sends a user message and streams the assistant's response, once the returned stream is
   * iterated. Close the stream.
   *
   * @throws IllegalStateException without {@code ai.orq:orq-sdk-streaming} on the classpath
   */
  public StreamResponse<ResponseEvent> createConversationResponse(
      String conversationId, CreateResponseRequest request) {
    return stream(conversationId, request);
  }

  /**
   * Sends a user message, once a handler is given to {@link AsyncStreamResponse#subscribe}, and
   * pushes the assistant's response to it.
   *
   * @throws IllegalStateException without {@code ai.orq:orq-sdk-streaming} on the classpath
   */
  public AsyncStreamResponse<ResponseEvent> createConversationResponseAsync(
      String conversationId, CreateResponseRequest request) {
    return new RealAsyncStreamResponse(stream(conversationId, request));
  }

  /** The provider of {@code orq-sdk-streaming} visible to the core's class loader, or null. */
  @Nullable
  static StreamingProvider findStreaming() {
    Iterator<StreamingProvider> providers =
        ServiceLoader.load(StreamingProvider.class, StreamingProvider.class.getClassLoader())
            .iterator();
    return providers.hasNext() ? providers.next() : null;
  }

  /** The stream's request; {@code stream} is always true in its body, since this SDK streams. */
  private RealStreamResponse stream(String conversationId, CreateResponseRequest request) {
    String id = Checks.requireConversationId(conversationId);
    Objects.requireNonNull(request, "request == null");
    StreamingProvider provider = streaming();
    CreateResponseRequest streamed =
        Boolean.FALSE.equals(request.getStream())
            ? request.toBuilder().stream(true).build()
            : request;
    Request http = requests.createConversationResponse(id, streamed);
    return new RealStreamResponse(
        context, provider, http, RequestOptions.none(), id, streamed.getModel());
  }

  private StreamingProvider streaming() {
    StreamingProvider provider = streaming;
    if (provider == null) {
      provider = findStreaming.get();
      if (provider == null) {
        throw new IllegalStateException(
            "createConversationResponse needs ai.orq:orq-sdk-streaming on the classpath");
      }
      streaming = provider; // a second lookup racing this one finds an equal provider
    }
    return provider;
  }

  /** A call of {@code request}, about {@code conversationId} (for its listeners). */
  private <T> OrqCall<T> call(
      Request request, Class<T> responseType, @Nullable String conversationId) {
    return new RealOrqCall<>(context, request, responseType, RequestOptions.none(), conversationId);
  }
}
