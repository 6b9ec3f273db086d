package ai.orq.sdk;

import ai.orq.sdk.errors.InvalidResponseException;
import ai.orq.sdk.model.Conversation;
import ai.orq.sdk.model.ConversationPage;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Every conversation that matches some {@link ListConversationsParams}, newest first, fetched page
 * by page as iteration needs them: no request before the first {@code hasNext()}, and the next page
 * only once the current one is used up. Each page starts after the last id of the previous one; the
 * walk ends when a page says {@code has_more: false}, or is empty.
 *
 * <p>A page that cannot be walked ends the iteration with an {@link
 * ai.orq.sdk.errors.InvalidResponseException}: an item that is {@code null} or has no {@code _id},
 * or a cursor that comes back (a page ending on an id already walked past), which would otherwise
 * repeat pages forever.
 *
 * <p>Each {@link #iterator()} (and each {@link #stream()}) walks again from the start. An iterator
 * is for one thread; a failed page request throws an {@link ai.orq.sdk.errors.OrqException} from
 * {@code hasNext()}.
 */
public final class ConversationPager implements Iterable<Conversation> {
  private final Conversations conversations;
  private final ListConversationsParams params;

  ConversationPager(Conversations conversations, ListConversationsParams params) {
    this.conversations = conversations;
    this.params = params;
  }

  @Override
  public Iterator<Conversation> iterator() {
    return new PageIterator();
  }

  /** The conversations as a sequential, lazy stream. */
  public Stream<Conversation> stream() {
    return StreamSupport.stream(spliterator(), false);
  }

  private final class PageIterator implements Iterator<Conversation> {
    private Iterator<Conversation> page = Collections.emptyIterator();
    private ListConversationsParams next = params;

    /** The cursors walked so far: one seen again would repeat pages forever. */
    private final Set<String> cursors = new HashSet<>();

    @Override
    public boolean hasNext() {
      while (!page.hasNext() && next != null) {
        fetch();
      }
      return page.hasNext();
    }

    @Override
    public Conversation next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return page.next();
    }

    private void fetch() {
      OrqResponse<ConversationPage> response = conversations.list(next).executeWithResponse();
      List<Conversation> data =
          response.body().getData(); // required: a response without it is invalid
      for (int i = 0; i < data.size(); i++) {
        if (data.get(i).getId() == null) {
          throw invalid(response, "data[" + i + "] is without \"_id\"");
        }
      }
      page = data.iterator();
      if (!response.body().getHasMore() || data.isEmpty()) {
        next = null; // the end; an empty page ends the walk whatever has_more says
        return;
      }
      String lastId = data.get(data.size() - 1).getId();
      if (next.startingAfter() != null) {
        cursors.add(next.startingAfter());
      }
      if (!cursors.add(lastId)) {
        throw invalid(response, "the cursor \"" + lastId + "\" came back: the pages repeat");
      }
      next = params.toBuilder().startingAfter(lastId).build();
    }
  }

  private static InvalidResponseException invalid(OrqResponse<?> response, String problem) {
    return new InvalidResponseException(
        response.statusCode(),
        response.headers(),
        "",
        "a page of conversations that cannot be walked: " + problem,
        null);
  }
}
