import java.io.File;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes or checks the public API listing of one module: every public (or protected, when nested)
 * class outside the {@code internal} packages, with its supertypes and its public and protected
 * constructors, methods and fields, generic signatures included. The build runs it in the package
 * phase of every published module (see the parent POM), so a change of the public API fails the
 * build until {@code api/<artifactId>.api} changes with it, and shows up as a diff in review.
 *
 * <p>Usage: {@code java ApiListing.java <classes dir> <listing file> <update: true|false> <classpath>}
 */
public final class ApiListing {
  static final String UPDATE_COMMAND = "mvn -B -q package -DskipTests -Dorq.api.update=true";

  public static void main(String[] args) throws Exception {
    Path classes = Paths.get(args[0]);
    Path listing = Paths.get(args[1]);
    boolean update = Boolean.parseBoolean(args[2]);
    String classpath = args.length > 3 ? args[3] : "";

    if (!Files.isDirectory(classes)) {
      if (Files.exists(listing)) {
        fail("no classes in " + classes + " but a listing at " + listing);
      }
      return; // a POM-only module has no API
    }
    String actual = render(classes, classpath);
    if (update) {
      Files.createDirectories(listing.getParent());
      Files.write(listing, actual.getBytes(StandardCharsets.UTF_8));
      System.out.println("[api] wrote " + listing);
      return;
    }
    if (!Files.exists(listing)) {
      fail("no API listing at " + listing + "; create it with: " + UPDATE_COMMAND);
    }
    String expected = new String(Files.readAllBytes(listing), StandardCharsets.UTF_8);
    if (!expected.equals(actual)) {
      System.err.println("[api] the public API differs from " + listing + ":");
      printDiff(expected, actual);
      fail("the public API changed. If that is intended, update the listing with: " + UPDATE_COMMAND
          + " and commit it with the change");
    }
    System.out.println("[api] public API matches " + listing.getFileName());
  }

  static String render(Path classes, String classpath) throws IOException {
    List<URL> urls = new ArrayList<>();
    urls.add(classes.toUri().toURL());
    for (String entry : classpath.split(File.pathSeparator)) {
      if (!entry.isEmpty()) {
        urls.add(Paths.get(entry).toUri().toURL());
      }
    }
    List<String> names;
    try (Stream<Path> files = Files.walk(classes)) {
      names = files
          .map(classes::relativize)
          .map(Path::toString)
          .filter(f -> f.endsWith(".class") && !f.startsWith("META-INF"))
          .map(f -> f.substring(0, f.length() - ".class".length()).replace(File.separatorChar, '.'))
          .filter(n -> !n.endsWith("module-info") && !n.endsWith("package-info"))
          .filter(n -> !Arrays.asList(n.split("\\.")).contains("internal"))
          .sorted()
          .collect(Collectors.toList());
    }
    StringBuilder out = new StringBuilder();
    try (URLClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader())) {
      for (String name : names) {
        Class<?> type;
        try {
          type = Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
          throw new IllegalStateException("cannot load " + name + " to list its API: " + e, e);
        }
        if (isVisible(type)) {
          out.append(describe(type)).append('\n');
        }
      }
    }
    return out.toString();
  }

  /** A type a user can name: public, or protected inside a visible type; never local or anonymous. */
  static boolean isVisible(Class<?> type) {
    if (type.isSynthetic() || type.isAnonymousClass() || type.isLocalClass()) {
      return false;
    }
    Class<?> outer = type.getDeclaringClass();
    if (outer == null) {
      return Modifier.isPublic(type.getModifiers());
    }
    return isExposed(type.getModifiers()) && isVisible(outer);
  }

  static boolean isExposed(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  static String describe(Class<?> type) {
    StringBuilder out = new StringBuilder();
    out.append(deprecation(type.isAnnotationPresent(Deprecated.class)));
    int modifiers = type.getModifiers() & (Modifier.PUBLIC | Modifier.PROTECTED | Modifier.STATIC | Modifier.FINAL
        | Modifier.ABSTRACT);
    String kind = "class";
    if (type.isAnnotation()) {
      kind = "@interface";
      modifiers &= ~(Modifier.ABSTRACT | Modifier.STATIC);
    } else if (type.isInterface()) {
      kind = "interface";
      modifiers &= ~(Modifier.ABSTRACT | Modifier.STATIC);
    } else if (type.isEnum()) {
      kind = "enum";
      modifiers &= ~(Modifier.FINAL | Modifier.STATIC | Modifier.ABSTRACT);
    }
    out.append(Modifier.toString(modifiers)).append(' ').append(kind).append(' ').append(type.getName());
    out.append(typeParameters(type.getTypeParameters()));
    Type superclass = type.getGenericSuperclass();
    if (superclass != null && superclass != Object.class && !type.isEnum()) {
      out.append(" extends ").append(superclass.getTypeName());
    }
    Type[] interfaces = type.getGenericInterfaces();
    if (interfaces.length > 0 && !type.isAnnotation()) {
      out.append(type.isInterface() ? " extends " : " implements ")
          .append(Arrays.stream(interfaces).map(Type::getTypeName).collect(Collectors.joining(", ")));
    }
    out.append(" {\n");
    // sorted by name, then by the whole declaration: overloads stay together
    Map<String, String> members = new TreeMap<>();
    for (Field field : type.getDeclaredFields()) {
      if (isExposed(field.getModifiers()) && !field.isSynthetic()) {
        add(members, field.getName(), deprecation(field.isAnnotationPresent(Deprecated.class))
            + modifiers(field.getModifiers(), type) + field.getGenericType().getTypeName() + ' ' + field.getName());
      }
    }
    if (!type.isInterface() && !type.isEnum()) {
      for (Constructor<?> constructor : type.getDeclaredConstructors()) {
        if (isExposed(constructor.getModifiers()) && !constructor.isSynthetic()) {
          add(members, "<init>", executable(constructor, type, "", "<init>"));
        }
      }
    }
    for (Method method : type.getDeclaredMethods()) {
      if (isExposed(method.getModifiers()) && !method.isSynthetic() && !method.isBridge()) {
        String prefix = method.isDefault() ? "default " : "";
        add(members, method.getName(), executable(method, type,
            prefix + method.getGenericReturnType().getTypeName() + ' ', method.getName()));
      }
    }
    for (String member : members.values()) {
      out.append("  ").append(member).append('\n');
    }
    return out.append("}\n").toString();
  }

  static void add(Map<String, String> members, String name, String declaration) {
    members.put(name + ' ' + declaration, declaration);
  }

  static String executable(Executable executable, Class<?> owner, String returns, String name) {
    String parameters = Arrays.stream(executable.getGenericParameterTypes())
        .map(Type::getTypeName)
        .collect(Collectors.joining(", "));
    if (executable.isVarArgs()) {
      parameters = parameters.substring(0, parameters.length() - 2) + "...";
    }
    String typeParameters = typeParameters(executable.getTypeParameters());
    String throwsClause = executable.getGenericExceptionTypes().length == 0 ? "" : " throws "
        + Arrays.stream(executable.getGenericExceptionTypes()).map(Type::getTypeName).collect(Collectors.joining(", "));
    return deprecation(executable.isAnnotationPresent(Deprecated.class))
        + modifiers(executable.getModifiers(), owner)
        + (typeParameters.isEmpty() ? "" : typeParameters + ' ')
        + returns + name + '(' + parameters + ')' + throwsClause;
  }

  static String modifiers(int modifiers, Class<?> owner) {
    int shown = modifiers & (Modifier.PUBLIC | Modifier.PROTECTED | Modifier.STATIC | Modifier.FINAL
        | Modifier.ABSTRACT);
    if (owner.isInterface()) {
      shown &= ~Modifier.ABSTRACT; // implied
    }
    String text = Modifier.toString(shown);
    return text.isEmpty() ? "" : text + ' ';
  }

  static String typeParameters(TypeVariable<?>[] variables) {
    if (variables.length == 0) {
      return "";
    }
    return Arrays.stream(variables).map(v -> {
      Type[] bounds = v.getBounds();
      boolean plain = bounds.length == 1 && bounds[0] == Object.class;
      return plain ? v.getName() : v.getName() + " extends "
          + Arrays.stream(bounds).map(Type::getTypeName).collect(Collectors.joining(" & "));
    }).collect(Collectors.joining(", ", "<", ">"));
  }

  static String deprecation(boolean deprecated) {
    return deprecated ? "@Deprecated " : "";
  }

  /** Prints the declarations only one side has, each member with the class it belongs to. */
  static void printDiff(String expected, String actual) {
    Set<String> before = declarations(expected);
    Set<String> after = declarations(actual);
    before.stream().filter(d -> !after.contains(d)).forEach(d -> System.err.println("- " + d));
    after.stream().filter(d -> !before.contains(d)).forEach(d -> System.err.println("+ " + d));
  }

  static Set<String> declarations(String listing) {
    Set<String> declarations = new LinkedHashSet<>();
    String owner = "";
    for (String line : listing.split("\n")) {
      if (line.startsWith("  ")) {
        declarations.add(owner + ": " + line.trim());
      } else if (line.endsWith("{")) {
        declarations.add(line);
        owner = line.substring(0, line.length() - 2);
      }
    }
    return declarations;
  }

  static void fail(String message) {
    System.err.println("[api] " + message);
    System.exit(1);
  }
}
