package ai.orq.sdk.internal;

import com.google.gson.annotations.SerializedName;
import jakarta.annotation.Nonnull;
import jakarta.annotation.Nullable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Not API. Checks that a parsed model has every property the spec marks required (the generated
 * models declare them as {@code @Nonnull} fields), at every depth, so that JSON of another shape,
 * such as {@code {}} or a proxy's {@code {"status":"ok"}}, never passes for a model full of nulls.
 * A required property the spec deprecates is not checked: the server may stop sending it.
 * Unknown union variants and free-form maps are not models and are left alone.
 */
public final class RequiredFields {
  private static final String MODEL_PACKAGE = "ai.orq.sdk.model.";
  private static final ConcurrentMap<Class<?>, List<Property>> MODELS = new ConcurrentHashMap<>();

  private RequiredFields() {}

  /**
   * The path of the first required property missing in {@code value}, such as
   * {@code data[2].displayName}, or null when none is missing.
   */
  @Nullable
  public static String firstMissing(Object value) {
    return firstMissing(value, "", Integer.MAX_VALUE);
  }

  /**
   * As {@link #firstMissing(Object)}, looking only {@code depth} objects deep: 1 checks
   * {@code value} itself, 2 also the objects it holds, and so on.
   */
  @Nullable
  public static String firstMissing(Object value, int depth) {
    return firstMissing(value, "", depth);
  }

  @Nullable
  private static String firstMissing(@Nullable Object value, String path, int depth) {
    if (depth == 0) {
      return null;
    }
    if (value instanceof List) {
      List<?> list = (List<?>) value;
      for (int i = 0; i < list.size(); i++) {
        String missing = firstMissing(list.get(i), path + "[" + i + "]", depth);
        if (missing != null) {
          return missing;
        }
      }
      return null;
    }
    if (value == null || !value.getClass().getName().startsWith(MODEL_PACKAGE)) {
      return null;
    }
    for (Property property : MODELS.computeIfAbsent(value.getClass(), RequiredFields::propertiesOf)) {
      Object child = property.get(value);
      String childPath = path.isEmpty() ? property.name : path + "." + property.name;
      if (child == null && property.required) {
        return childPath;
      }
      String missing = firstMissing(child, childPath, depth - 1);
      if (missing != null) {
        return missing;
      }
    }
    return null;
  }

  private static List<Property> propertiesOf(Class<?> type) {
    List<Property> properties = new ArrayList<>();
    for (Field field : type.getDeclaredFields()) {
      if (!Modifier.isStatic(field.getModifiers())) {
        field.setAccessible(true);
        properties.add(new Property(field, field.isAnnotationPresent(Nonnull.class) && !deprecated(type, field)));
      }
    }
    return Collections.unmodifiableList(properties);
  }

  private static boolean deprecated(Class<?> type, Field field) {
    String name = field.getName();
    try {
      Method getter = type.getMethod("get" + Character.toUpperCase(name.charAt(0)) + name.substring(1));
      return getter.isAnnotationPresent(Deprecated.class);
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  /** One field of a model: its wire name and whether the spec requires it. */
  private static final class Property {
    final Field field;
    final String name;
    final boolean required;

    Property(Field field, boolean required) {
      SerializedName serializedName = field.getAnnotation(SerializedName.class);
      this.field = field;
      this.name = serializedName != null ? serializedName.value() : field.getName();
      this.required = required;
    }

    Object get(Object owner) {
      try {
        return field.get(owner);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("cannot read " + field, e);
      }
    }
  }
}
