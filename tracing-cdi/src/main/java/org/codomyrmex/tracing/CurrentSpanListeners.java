package org.codomyrmex.tracing;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.codomyrmex.tracing.internal.RateLimitedLogger;

/** Finds the {@link CurrentSpanListener}s on the library's class path, once, and installs them. */
final class CurrentSpanListeners {
  private static final RateLimitedLogger LOG =
      new RateLimitedLogger(CurrentSpanListeners.class.getName());
  private static CurrentSpanListener found; // guarded by the class
  private static boolean loaded; // guarded by the class

  private CurrentSpanListeners() {}

  /** Installs the active listeners when {@code enabled}, else none; called for each new tracer. */
  static synchronized void install(boolean enabled) {
    if (enabled && !loaded) {
      found = combine(load());
      loaded = true;
    }
    CurrentSpan.listener(enabled ? found : null);
  }

  private static List<CurrentSpanListener> load() {
    List<CurrentSpanListener> active = new ArrayList<>();
    ClassLoader loader = CurrentSpanListeners.class.getClassLoader();
    try {
      for (CurrentSpanListener listener : ServiceLoader.load(CurrentSpanListener.class, loader)) {
        if (listener.isActive()) {
          active.add(listener);
        }
      }
    } catch (ServiceConfigurationError | LinkageError e) {
      LOG.warn("a current-span listener could not be loaded", e);
    }
    return active;
  }

  private static CurrentSpanListener combine(List<CurrentSpanListener> listeners) {
    if (listeners.isEmpty()) {
      return null;
    }
    if (listeners.size() == 1) {
      return listeners.get(0);
    }
    CurrentSpanListener[] all = listeners.toArray(new CurrentSpanListener[0]);
    return (previous, current) -> {
      for (CurrentSpanListener listener : all) {
        listener.currentSpanChanged(previous, current);
      }
    };
  }
}
