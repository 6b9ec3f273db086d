package ai.orq.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ai.orq.sdk.generated.api.ConversationsApi;
import ai.orq.sdk.internal.JsonModels;
import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import jakarta.annotation.Nonnull;
import jakarta.annotation.Nullable;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every generated model, found in the generated jar: immutable (final, no setter, no public
 * constructor), built with only the properties its builder asks for, and then — as built and as
 * parsed back from its JSON — every {@code @Nonnull} getter returns a value. Needs no list of
 * models: a model added to the spec is checked too.
 */
class GeneratedModelsContractTest {
  private static final Pattern REQUIRED = Pattern.compile("^(\\w+)\\.(\\w+) is required$");
  private final Gson gson = JsonModels.newGson();
  private final List<Class<?>> models = modelClasses();

  @Test
  void everyModelIsImmutable() {
    int classes = 0;
    for (Class<?> model : models) {
      if (!hasBuilder(model)) {
        continue;
      }
      classes++;
      assertTrue(Modifier.isFinal(model.getModifiers()), model + " is final");
      for (Constructor<?> constructor : model.getConstructors()) {
        fail(model + " has a public constructor " + constructor);
      }
      for (Method method : model.getMethods()) {
        assertFalse(method.getName().startsWith("set"), model + " has a setter " + method);
      }
    }
    assertTrue(classes > 40, "found the model classes: " + classes);
  }

  @Test
  void everyModelBuiltWithOnlyItsRequiredPropertiesHasNoNullNonnullGetter() throws Exception {
    for (Class<?> model : models) {
      if (!hasBuilder(model)) {
        continue;
      }
      Object built = minimal(model);
      checkGetters(built);
      Object parsed = JsonModels.read(gson.getAdapter(model), gson.toJson(built));
      assertEquals(built, parsed, model + " round-trips through its JSON");
      checkGetters(parsed);
      assertFalse(String.valueOf(parsed).contains("=null"), "toString skips absent: " + parsed);
    }
  }

  @Test
  void buildNamesTheFirstMissingRequiredProperty() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> ai.orq.sdk.model.CreateConversationRequest.builder().build());
    assertEquals("CreateConversationRequest.projectId is required", e.getMessage());
  }

  @Test
  void booleansWholeNumbersAndTimestampsAreReadStrictly() {
    String review =
        "{\"type\":\"tool.review.requested\",\"timestamp\":\"t\",\"data\":{\"toolId\":\"t\","
            + "\"toolCallId\":\"c\",\"arguments\":{},\"requiresApproval\":\"yes\"}}";
    assertInvalid(ai.orq.sdk.model.ResponseEvent.class, review, "expected a boolean");
    assertInvalid(ai.orq.sdk.model.Usage.class, "{\"total_tokens\":9223372036854775808}", "64-bit");
    assertInvalid(
        ai.orq.sdk.model.Message.class,
        "{\"_id\":\"m\",\"conversationId\":\"c\",\"createdAt\":9223372036854775808,"
            + "\"createdById\":\"u\",\"parts\":[],\"role\":\"user\"}",
        "epoch milliseconds");
  }

  @Test
  void anUnknownMemberIsNeverOneTheSdkKnows() {
    JsonObject text = new JsonObject();
    text.addProperty("kind", "text");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> ai.orq.sdk.model.MessagePart.Unknown.of(text));
    assertTrue(e.getMessage().contains("known MessagePart (text)"), e.getMessage());
  }

  private void assertInvalid(Class<?> type, String json, String problem) {
    ai.orq.sdk.model.ModelJsonException e =
        assertThrows(
            ai.orq.sdk.model.ModelJsonException.class,
            () -> JsonModels.read(gson.getAdapter(type), json));
    assertTrue(e.getMessage().contains(problem), e.getMessage());
  }

  private static void checkGetters(Object model) throws ReflectiveOperationException {
    for (Method getter : model.getClass().getMethods()) {
      if (!getter.getName().startsWith("get")
          || getter.getParameterCount() != 0
          || getter.getDeclaringClass() == Object.class) {
        continue;
      }
      Object value = getter.invoke(model);
      if (getter.getReturnType().isPrimitive()) {
        continue;
      }
      boolean nonnull = getter.isAnnotationPresent(Nonnull.class);
      assertTrue(
          nonnull || getter.isAnnotationPresent(Nullable.class),
          getter + " says whether it may return null");
      if (nonnull) {
        assertNotNull(value, getter + " is @Nonnull");
      }
    }
  }

  /** An instance with only the properties its builder says are required. */
  private Object minimal(Class<?> type) throws Exception {
    if (type.isInterface()) {
      for (Class<?> model : models) {
        if (type.isAssignableFrom(model) && hasBuilder(model)) {
          return minimal(model);
        }
      }
      throw new AssertionError("no member of " + type);
    }
    if (!hasBuilder(type)) {
      return firstConstant(type);
    }
    Object builder = type.getMethod("builder").invoke(null);
    Method build = builder.getClass().getMethod("build");
    for (int set = 0; set < 50; set++) {
      try {
        return build.invoke(builder);
      } catch (InvocationTargetException e) {
        Matcher missing = REQUIRED.matcher(String.valueOf(e.getCause().getMessage()));
        if (!(e.getCause() instanceof IllegalStateException) || !missing.matches()) {
          throw e;
        }
        Method setter = setter(builder.getClass(), missing.group(2));
        setter.invoke(builder, sample(setter.getGenericParameterTypes()[0]));
      }
    }
    throw new AssertionError(type + " never builds");
  }

  private static Method setter(Class<?> builder, String property) {
    for (Method method : builder.getMethods()) {
      if (method.getName().equals(property) && method.getParameterCount() == 1) {
        return method;
      }
    }
    throw new AssertionError(builder + " has no method " + property);
  }

  private Object sample(Type type) throws Exception {
    if (type instanceof ParameterizedType) {
      ParameterizedType generic = (ParameterizedType) type;
      assertEquals(List.class, generic.getRawType(), "only lists are generic: " + type);
      return Collections.singletonList(sample(generic.getActualTypeArguments()[0]));
    }
    Class<?> raw = (Class<?>) type;
    if (raw == String.class) {
      return "s";
    } else if (raw == long.class || raw == Long.class) {
      return 1L;
    } else if (raw == int.class || raw == Integer.class) {
      return 1;
    } else if (raw == boolean.class || raw == Boolean.class) {
      return true;
    } else if (raw == Instant.class) {
      return Instant.ofEpochMilli(1_700_000_000_123L);
    } else if (raw == JsonObject.class) {
      JsonObject object = new JsonObject();
      object.addProperty("n", 3);
      return object;
    } else if (raw == JsonElement.class) {
      return new JsonPrimitive(3);
    }
    return minimal(raw);
  }

  /** The first public constant of an open enum. */
  private static Object firstConstant(Class<?> type) throws IllegalAccessException {
    for (Field field : type.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == type) {
        return field.get(null);
      }
    }
    throw new AssertionError(type + " has no constant");
  }

  private static boolean hasBuilder(Class<?> type) {
    try {
      return Modifier.isStatic(type.getMethod("builder").getModifiers());
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  /** The public top-level classes of ai.orq.sdk.model in the generated jar (or classes folder). */
  private static List<Class<?>> modelClasses() {
    List<Class<?>> classes = new ArrayList<>();
    for (String name : classNames()) {
      if (name.startsWith("ai/orq/sdk/model/") && !name.contains("$")) {
        try {
          Class<?> type = Class.forName(name.replace('/', '.').replace(".class", ""));
          if (Modifier.isPublic(type.getModifiers())) {
            classes.add(type);
          }
        } catch (ClassNotFoundException e) {
          throw new AssertionError(e);
        }
      }
    }
    Collections.sort(classes, (a, b) -> a.getName().compareTo(b.getName()));
    return classes;
  }

  private static List<String> classNames() {
    List<String> names = new ArrayList<>();
    try {
      File location =
          new File(
              ConversationsApi.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (location.isDirectory()) {
        File[] files = new File(location, "ai/orq/sdk/model").listFiles();
        for (File file : files == null ? new File[0] : files) {
          names.add("ai/orq/sdk/model/" + file.getName());
        }
      } else {
        try (JarFile jar = new JarFile(location)) {
          for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
            names.add(entries.nextElement().getName());
          }
        }
      }
    } catch (IOException | URISyntaxException e) {
      throw new AssertionError(e);
    }
    names.removeIf(name -> !name.endsWith(".class"));
    return names;
  }
}
