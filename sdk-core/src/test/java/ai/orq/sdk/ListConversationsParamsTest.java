package ai.orq.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListConversationsParamsTest {

  @ParameterizedTest
  @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 101, 1000})
  void aLimitOutsideOneToAHundredFails(int limit) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> ListConversationsParams.builder().limit(limit));

    assertEquals("limit must be between 1 and 100, was " + limit, e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 10, 100})
  void aLimitFromOneToAHundredIsKept(int limit) {
    assertEquals(limit, ListConversationsParams.builder().limit(limit).build().limit());
  }

  @Test
  void cursorsAndEntityMustNotBeBlank() {
    ListConversationsParams.Builder builder = ListConversationsParams.builder();
    assertEquals(
        "startingAfter == null",
        assertThrows(NullPointerException.class, () -> builder.startingAfter(null)).getMessage());
    assertEquals(
        "endingBefore must not be blank",
        assertThrows(IllegalArgumentException.class, () -> builder.endingBefore("")).getMessage());
    assertEquals(
        "entityId must not be blank",
        assertThrows(IllegalArgumentException.class, () -> builder.entityId("  ")).getMessage());
  }

  @Test
  void paramsAreValues() {
    ListConversationsParams none = ListConversationsParams.none();
    ListConversationsParams params =
        ListConversationsParams.builder()
            .limit(5)
            .startingAfter("conv_1")
            .endingBefore("conv_9")
            .entityId("agent_1")
            .build();

    assertSame(none, ListConversationsParams.none());
    assertNull(none.limit());
    assertNull(none.entityId());
    assertEquals(params, params.toBuilder().build());
    assertEquals(params.hashCode(), params.toBuilder().build().hashCode());
    assertNotEquals(params, params.toBuilder().limit(6).build());
    assertNotEquals(params, params.toBuilder().startingAfter("conv_2").build());
    assertNotEquals(params, params.toBuilder().endingBefore("conv_8").build());
    assertNotEquals(params, params.toBuilder().entityId("agent_2").build());
    assertNotEquals(params, "params");
    assertEquals(
        "ListConversationsParams{limit=5, startingAfter=conv_1, endingBefore=conv_9,"
            + " entityId=agent_1}",
        params.toString());
  }
}
