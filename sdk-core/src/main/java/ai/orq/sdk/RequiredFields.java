package ai.orq.sdk;

import com.google.gson.annotations.SerializedName;
import jakarta.annotation.Nonnull;
import jakarta.annotation.Nullable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The properties the spec marks required, as the generated models declare them ({@code @Nonnull}
 * fields). A success body that lacks one of its own is JSON of another shape, such as {@code {}}
 * or a proxy's {@code {"status":"ok"}}, and must not pass for a model full of nulls. Only the top
 * level is checked: nested objects stay lenient, as the server may change what it nests.
 */
final class RequiredFields {
  private static final ConcurrentMap<Class<?>, List<Field>> REQUIRED = new ConcurrentHashMap<>();

  private RequiredFields() {}

  /** The wire name of the first required property {@code value} lacks, or null when it has all. */
  @Nullable
  static String firstMissing(Object value) {
    for (Field field : REQUIRED.computeIfAbsent(value.getClass(), RequiredFields::requiredOf)) {
      try {
        if (field.get(value) == null) {
          SerializedName name = field.getAnnotation(SerializedName.class);
          return name != null ? name.value() : field.getName();
        }
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("cannot read " + field, e);
      }
    }
    return null;
  }

  private static List<Field> requiredOf(Class<?> type) {
    List<Field> required = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        if (field.isAnnotationPresent(Nonnull.class) && !Modifier.isStatic(field.getModifiers())) {
          field.setAccessible(true);
          required.add(field);
        }
      }
    }
    return Collections.unmodifiableList(required);
  }
}
