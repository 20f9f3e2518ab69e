package org.codomyrmex.tracing.logging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.codomyrmex.tracing.internal.RateLimitedLogger;

/** Finds the logging MDCs present in a class loader, each distinct map once. */
final class MdcBackends {
  private static final RateLimitedLogger LOG = new RateLimitedLogger(MdcBackends.class.getName());
  private static final String PROBE_KEY = "codomyrmex.tracing.probe";

  private MdcBackends() {}

  /**
   * Returns the backends whose API {@code loader} sees, dropping those that store nothing (an SLF4J
   * without a provider) and those that share their map with one found before (on WildFly, SLF4J and
   * Log4j write into JBoss LogManager's MDC).
   */
  static List<MdcBackend> detect(ClassLoader loader) {
    List<MdcBackend> found = new ArrayList<>();
    addIfPresent(found, loader, "org.jboss.logging.MDC", JBossLoggingMdc::new);
    addIfPresent(found, loader, "org.slf4j.MDC", Slf4jMdc::new);
    addIfPresent(found, loader, "org.apache.logging.log4j.ThreadContext", Log4jThreadContext::new);
    return found;
  }

  private static void addIfPresent(
      List<MdcBackend> found, ClassLoader loader, String apiClass, Supplier<MdcBackend> backend) {
    if (!isPresent(apiClass, loader)) {
      return;
    }
    try {
      MdcBackend candidate = backend.get();
      if (storesOwnValues(candidate, found)) {
        found.add(candidate);
      }
    } catch (RuntimeException | LinkageError e) {
      LOG.warn("log correlation: " + apiClass + " is present but unusable", e);
    }
  }

  static boolean isPresent(String className, ClassLoader loader) {
    try {
      Class.forName(className, false, loader);
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /**
   * Writes a probe through {@code candidate}: it must read it back, and no backend in {@code
   * others}.
   */
  private static boolean storesOwnValues(MdcBackend candidate, List<MdcBackend> others) {
    String probe = "probe-" + System.identityHashCode(candidate);
    Object before = candidate.get(PROBE_KEY);
    candidate.put(PROBE_KEY, probe);
    try {
      if (!probe.equals(candidate.get(PROBE_KEY))) {
        return false;
      }
      for (MdcBackend other : others) {
        if (probe.equals(other.get(PROBE_KEY))) {
          return false;
        }
      }
      return true;
    } finally {
      if (before == null) {
        candidate.remove(PROBE_KEY);
      } else {
        candidate.put(PROBE_KEY, before);
      }
    }
  }
}
