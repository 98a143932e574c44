package io.jsonrpc2.cli;

import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.SubscriptionOptions;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The classes {@code serve} exports, and where they are loaded from.
 *
 * <p>A class is named {@code CLASS} (its methods under their own names) or {@code CLASS:namespace}
 * (as {@code namespace.method}). Every public method the class itself declares is served: static
 * methods as they are, instance methods on one instance made with the public no-argument
 * constructor.
 */
final class ServedClasses {
  /** One {@code CLASS[:namespace]} argument. */
  record ServedClass(String className, @Nullable String namespace) {
    static ServedClass parse(String argument) {
      int colon = argument.indexOf(':');
      String className = colon < 0 ? argument : argument.substring(0, colon);
      String namespace = colon < 0 ? null : argument.substring(colon + 1);
      if (className.isEmpty() || (namespace != null && namespace.isEmpty())) {
        throw CliException.usage("'" + argument + "' is not CLASS or CLASS:namespace");
      }
      return new ServedClass(className, namespace);
    }
  }

  /** One {@code --error-code CLASS=CODE} option: exceptions of CLASS are answered with CODE. */
  record ErrorCode(String className, int code) {
    static ErrorCode parse(String option) {
      int equals = option.lastIndexOf('=');
      if (equals <= 0) {
        throw CliException.usage("--error-code takes CLASS=CODE, got '" + option + "'");
      }
      String code = option.substring(equals + 1).trim();
      try {
        return new ErrorCode(option.substring(0, equals).trim(), Integer.parseInt(code));
      } catch (NumberFormatException e) {
        throw CliException.usage(
            "--error-code takes CLASS=CODE with an integer CODE, got '" + option + "'");
      }
    }
  }

  private ServedClasses() {}

  /**
   * A class loader over {@code classpath} (directories and jars separated by the platform's path
   * separator), whose parent is this command's loader; the command's own loader when null.
   *
   * @throws CliException (usage) for an entry that does not exist
   */
  static ClassLoader classLoader(@Nullable String classpath) {
    if (classpath == null || classpath.isBlank()) {
      return ServedClasses.class.getClassLoader();
    }
    List<URL> urls = new ArrayList<>();
    for (String entry : classpath.split(File.pathSeparator, -1)) {
      if (entry.isBlank()) {
        continue;
      }
      Path path = Path.of(entry);
      if (!Files.exists(path)) {
        throw CliException.usage("the --classpath entry " + entry + " does not exist");
      }
      try {
        urls.add(path.toAbsolutePath().toUri().toURL());
      } catch (MalformedURLException e) {
        throw CliException.usage(
            "the --classpath entry " + entry + " is not a path: " + e.getMessage());
      }
    }
    return new URLClassLoader(
        "served-classes", urls.toArray(URL[]::new), ServedClasses.class.getClassLoader());
  }

  /**
   * A service exporting the public methods of {@code classes}, loaded by {@code loader}, that
   * answers the exceptions of {@code errorCodes} (and their subclasses) with their codes and the
   * exceptions' messages.
   *
   * @throws CliException (usage) for a class that is missing, cannot be loaded, declares no public
   *     method, has instance methods but no public no-argument constructor, or clashes by name, and
   *     for an error-code class that is missing or no exception
   */
  static JsonRpcService service(
      List<ServedClass> classes,
      List<ErrorCode> errorCodes,
      ClassLoader loader,
      @Nullable String classpath) {
    JsonRpcService.Builder builder =
        JsonRpcService.builder()
            .classLoader(loader)
            // Methods that return a Flow.Publisher are subscriptions on connections.
            .subscriptions(SubscriptionOptions.defaults());
    for (ServedClass served : classes) {
      builder.publicMethods(served.namespace(), load(served.className(), loader, classpath));
    }
    for (ErrorCode errorCode : errorCodes) {
      Class<?> type = load(errorCode.className(), loader, classpath);
      if (!Throwable.class.isAssignableFrom(type)) {
        throw CliException.usage(
            "--error-code " + errorCode.className() + " is not an exception class");
      }
      builder.errorCode(type.asSubclass(Throwable.class), errorCode.code());
    }
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw CliException.usage("cannot serve: " + e.getMessage());
    }
  }

  private static Class<?> load(String className, ClassLoader loader, @Nullable String classpath) {
    try {
      return Class.forName(className, true, loader);
    } catch (ClassNotFoundException e) {
      throw CliException.usage(
          "class "
              + className
              + " not found"
              + (classpath == null
                  ? " (give its directory or jar with --classpath)"
                  : " on --classpath " + classpath));
    } catch (LinkageError e) {
      throw CliException.usage("class " + className + " cannot be loaded: " + e);
    }
  }
}
