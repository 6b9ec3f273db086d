package ai.orq.sdk.internal;

import com.google.gson.annotations.SerializedName;
import jakarta.annotation.Nonnull;
import jakarta.annotation.Nullable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Not API. Checks that a parsed model has every property the spec marks required (the generated
 * models declare them as {@code @Nonnull} fields), at every depth, so that JSON of another shape,
 * such as {@code {}} or a proxy's {@code {"status":"ok"}}, never passes for a model full of nulls.
 * A required property the spec deprecates is not checked: the server may stop sending it.
 * Unknown union variants and free-form maps are not models and are left alone.
 */
public final class RequiredFields {
  private static final String MODEL_PACKAGE = "ai.orq.sdk.model.";
  private static final ClassValue<Property[]> PROPERTIES =
      new ClassValue<Property[]>() {
        @Override
        protected Property[] computeValue(Class<?> type) {
          return propertiesOf(type);
        }
      };

  private RequiredFields() {}

  /**
   * The path of the first required property missing in {@code value}, such as
   * {@code data[2].displayName}, or null when none is missing.
   */
  @Nullable
  public static String firstMissing(Object value) {
    return missingIn(value, Integer.MAX_VALUE);
  }

  /**
   * As {@link #firstMissing(Object)}, looking only {@code depth} objects deep: 1 checks
   * {@code value} itself, 2 also the objects it holds, and so on.
   */
  @Nullable
  public static String firstMissing(Object value, int depth) {
    return missingIn(value, depth);
  }

  /** The path below {@code value} of its first missing property; builds no string unless one is. */
  @Nullable
  private static String missingIn(@Nullable Object value, int depth) {
    if (depth == 0 || value == null) {
      return null;
    }
    if (value instanceof List) {
      List<?> list = (List<?>) value;
      for (int i = 0; i < list.size(); i++) {
        String missing = missingIn(list.get(i), depth);
        if (missing != null) {
          return "[" + i + "]" + (missing.startsWith("[") ? "" : ".") + missing;
        }
      }
      return null;
    }
    if (!isModel(value.getClass())) {
      return null;
    }
    for (Property property : PROPERTIES.get(value.getClass())) {
      Object child = property.get(value);
      if (child == null) {
        if (property.required) {
          return property.name;
        }
      } else if (property.mayHoldModels) {
        String missing = missingIn(child, depth - 1);
        if (missing != null) {
          return property.name + (missing.startsWith("[") ? "" : ".") + missing;
        }
      }
    }
    return null;
  }

  private static boolean isModel(Class<?> type) {
    return type.getName().startsWith(MODEL_PACKAGE);
  }

  private static Property[] propertiesOf(Class<?> type) {
    List<Property> properties = new ArrayList<>();
    for (Field field : type.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers())) {
        continue;
      }
      Property property = new Property(field, field.isAnnotationPresent(Nonnull.class) && !deprecated(type, field));
      if (property.required || property.mayHoldModels) {
        field.setAccessible(true);
        properties.add(property);
      }
    }
    return properties.toArray(new Property[0]);
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
    final boolean mayHoldModels;

    Property(Field field, boolean required) {
      SerializedName serializedName = field.getAnnotation(SerializedName.class);
      this.field = field;
      this.name = serializedName != null ? serializedName.value() : field.getName();
      this.required = required;
      this.mayHoldModels = List.class.isAssignableFrom(field.getType()) || isModel(field.getType());
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
