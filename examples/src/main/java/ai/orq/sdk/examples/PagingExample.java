package ai.orq.sdk.examples;

import ai.orq.sdk.Conversations;
import ai.orq.sdk.ListConversationsParams;
import ai.orq.sdk.OrqClient;
import ai.orq.sdk.model.Conversation;
import ai.orq.sdk.model.ConversationPage;
import ai.orq.sdk.model.CreateConversationRequest;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Goes through every conversation, newest first: page by page with the cursors yourself, then
 * letting {@code listAll} fetch the pages lazily as you iterate or stream.
 *
 * <p>Against the local server it first creates 25 conversations, so there is something to page
 * through; against orq.ai it reads your conversations and changes nothing.
 */
public final class PagingExample {
  static final int PAGE_SIZE = 10;

  private PagingExample() {}

  public static void main(String[] args) {
    try (ExampleEnvironment env = ExampleEnvironment.open()) {
      if (env.isLocal()) {
        seed(env.client().conversations(), env.projectId(), 25, System.out);
      }
      run(env.client(), System.out);
    }
  }

  /** Creates {@code count} conversations, oldest first; returns their ids. */
  static List<String> seed(
      Conversations conversations, String projectId, int count, PrintStream out) {
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      ids.add(
          conversations
              .create(
                  CreateConversationRequest.builder()
                      .projectId(projectId)
                      .displayName("Conversation #" + i)
                      .build())
              .execute()
              .getId());
    }
    out.println("created " + count + " conversations to page through");
    return ids;
  }

  /** Pages through every standalone conversation both ways; returns their ids, newest first. */
  static List<String> run(OrqClient client, PrintStream out) {
    Conversations conversations = client.conversations();

    // By hand: each page says whether more follow; the next starts after the last id seen.
    ListConversationsParams params = ListConversationsParams.builder().limit(PAGE_SIZE).build();
    int pages = 0;
    int seen = 0;
    while (params != null) {
      ConversationPage page = conversations.list(params).execute();
      List<Conversation> data = page.getData();
      pages++;
      seen += data.size();
      out.println(
          "page "
              + pages
              + ": "
              + data.size()
              + " conversations"
              + (data.isEmpty()
                  ? ""
                  : ", from \""
                      + data.get(0).getDisplayName()
                      + "\" to \""
                      + data.get(data.size() - 1).getDisplayName()
                      + "\""));
      params =
          page.getHasMore() && !data.isEmpty()
              ? params.toBuilder().startingAfter(data.get(data.size() - 1).getId()).build()
              : null;
    }
    out.println("by hand: " + seen + " conversations in " + pages + " pages");

    // [readme:paging]
    // Or let the SDK follow the cursors: pages are fetched as the loop needs them.
    List<String> ids = new ArrayList<>();
    for (Conversation conversation :
        conversations.listAll(ListConversationsParams.builder().limit(PAGE_SIZE).build())) {
      ids.add(conversation.getId());
    }

    // As a lazy Stream: only the pages needed for the first three are fetched.
    List<String> newest =
        conversations.listAll().stream()
            .limit(3)
            .map(Conversation::getDisplayName)
            .collect(Collectors.toList());
    // [/readme:paging]
    out.println("listAll: " + ids.size() + " conversations; the newest three: " + newest);
    return ids;
  }
}
