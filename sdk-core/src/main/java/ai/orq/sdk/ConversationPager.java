package ai.orq.sdk;

import ai.orq.sdk.model.Conversation;
import ai.orq.sdk.model.ConversationPage;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Every conversation that matches some {@link ListConversationsParams}, newest first, fetched
 * page by page as iteration needs them: no request before the first {@code hasNext()}, and the
 * next page only once the current one is used up. Each page starts after the last id of the
 * previous one; the walk ends when a page says {@code has_more: false}.
 *
 * <p>Each {@link #iterator()} (and each {@link #stream()}) walks again from the start. An
 * iterator is for one thread; a failed page request throws an
 * {@link ai.orq.sdk.errors.OrqException} from {@code hasNext()}.
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
      ConversationPage fetched = conversations.list(next).execute();
      List<Conversation> data = fetched.getData(); // required: a response without it is invalid
      page = data.iterator();
      String lastId = data.isEmpty() ? null : data.get(data.size() - 1).getId();
      boolean moved = lastId != null && !lastId.equals(next.startingAfter());
      next = Boolean.TRUE.equals(fetched.getHasMore()) && moved
          ? params.toBuilder().startingAfter(lastId).build()
          : null; // a page that does not move the cursor would repeat forever
    }
  }
}
