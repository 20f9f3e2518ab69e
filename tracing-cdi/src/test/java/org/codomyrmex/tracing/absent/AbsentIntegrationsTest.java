package org.codomyrmex.tracing.absent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The optional integrations (logging MDCs, Jakarta Concurrency, MicroProfile Context Propagation
 * and Config) where their APIs are absent: the library loads, traces, and logs nothing.
 */
class AbsentIntegrationsTest {
  private static final List<String> HIDDEN =
      List.of(
          "org.slf4j.",
          "ch.qos.logback.",
          "org.jboss.logging.",
          "org.jboss.logmanager.",
          "org.apache.logging.",
          "jakarta.enterprise.concurrent.",
          "org.eclipse.microprofile.");

  @Test
  void withoutTheOptionalApisTheLibraryTracesAndStaysSilent() throws Exception {
    List<LogRecord> records = new ArrayList<>();
    Handler recorder =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            if (record.getLoggerName() != null
                && record.getLoggerName().startsWith("org.codomyrmex")) {
              synchronized (records) {
                records.add(record);
              }
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger root = Logger.getLogger("");
    root.addHandler(recorder);
    try (HidingLoader loader = new HidingLoader(classPath())) {
      assertThat(loader.loadClass("org.codomyrmex.tracing.Tracer")).isNotNull();
      assertThatHidden(loader, "org.slf4j.MDC");
      assertThatHidden(loader, "jakarta.enterprise.concurrent.spi.ThreadContextProvider");
      Thread thread = Thread.currentThread();
      ClassLoader previous = thread.getContextClassLoader();
      thread.setContextClassLoader(loader);
      try {
        @SuppressWarnings("unchecked")
        Supplier<String> scenario =
            (Supplier<String>)
                loader
                    .loadClass(AbsentIntegrationsScenario.class.getName())
                    .getConstructor()
                    .newInstance();
        assertThat(scenario.get()).isEqualTo("exported 3");
      } finally {
        thread.setContextClassLoader(previous);
      }
    } finally {
      root.removeHandler(recorder);
    }
    synchronized (records) {
      assertThat(records).extracting(LogRecord::getMessage).isEmpty();
    }
  }

  private static void assertThatHidden(ClassLoader loader, String name) {
    try {
      loader.loadClass(name);
      throw new AssertionError(name + " should be hidden");
    } catch (ClassNotFoundException expected) {
      // hidden, as it should be
    }
  }

  private static URL[] classPath() throws Exception {
    List<URL> urls = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      urls.add(new File(entry).toURI().toURL());
    }
    return urls.toArray(new URL[0]);
  }

  /** Loads the test class path itself (not through the application loader), minus HIDDEN. */
  private static final class HidingLoader extends URLClassLoader {
    HidingLoader(URL[] urls) {
      super(urls, ClassLoader.getPlatformClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      for (String prefix : HIDDEN) {
        if (name.startsWith(prefix)) {
          throw new ClassNotFoundException(name + " is hidden");
        }
      }
      return super.loadClass(name, resolve);
    }

    @Override
    public URL getResource(String name) {
      String asClass = name.replace('/', '.');
      for (String prefix : HIDDEN) {
        if (asClass.startsWith(prefix)) {
          return null;
        }
      }
      return super.getResource(name);
    }
  }
}
