package org.codomyrmex.tracing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import org.codomyrmex.tracing.internal.TracingConfig;

/**
 * The global registry of named tracers, and the span current on this thread.
 *
 * <pre>{@code
 * Tracer payments = Tracers.get("payments");   // same instance for the same name
 * executor.execute(Tracers.wrap(() -> work())); // work() sees the caller's current span
 * }</pre>
 */
public final class Tracers {
  private static final ConcurrentMap<String, Tracer> TRACERS = new ConcurrentHashMap<>();
  private static volatile String defaultName;
  private static Thread shutdownHook;

  private Tracers() {}

  /** Returns the tracer named {@code name}, creating it with the configured exporters. */
  public static Tracer get(String name) {
    return get(name, null);
  }

  /**
   * Returns the tracer named {@code name}, creating it with {@code exporter} if it does not exist
   * yet; an existing tracer keeps its exporter.
   */
  public static Tracer get(String name, SpanExporter exporter) {
    // Only valid names are ever stored, so a hit needs no check: this runs once per request.
    Tracer tracer = name == null ? null : TRACERS.get(name);
    if (tracer != null) {
      return tracer;
    }
    tracer =
        TRACERS.computeIfAbsent(
            TracerFactory.checkName(name), n -> TracerFactory.create(n, exporter));
    registerShutdownHook();
    return tracer;
  }

  /** Returns the default tracer, named by {@code tracing.service-name} (default "default"). */
  public static Tracer defaultTracer() {
    String name = defaultName;
    if (name == null) {
      name = TracingConfig.load().serviceName();
      defaultName = name;
    }
    return get(name);
  }

  /** Returns the span current on this thread, whichever tracer made it. */
  public static Optional<Span> currentSpan() {
    return Optional.ofNullable(CurrentSpan.get());
  }

  /** Returns the context of the span current on this thread. */
  public static Optional<SpanContext> currentContext() {
    Span span = CurrentSpan.get();
    return span == null ? Optional.empty() : Optional.of(span.context());
  }

  /** Makes no span current on this thread until the returned scope is closed. */
  public static Scope clearCurrent() {
    return CurrentSpan.attach(null);
  }

  /** Flushes and shuts every tracer down, then forgets them: the next get creates new ones. */
  public static void shutdownAll() {
    List<Tracer> tracers = new ArrayList<>(TRACERS.values());
    TRACERS.clear();
    defaultName = null;
    tracers.forEach(Tracer::flush);
    tracers.forEach(Tracer::shutdown);
    unregisterShutdownHook();
  }

  /** Returns {@code task} running with the span that is current now, wherever it runs. */
  public static Runnable wrap(Runnable task) {
    CapturedSpan captured = CapturedSpan.capture();
    return () -> {
      try (Scope ignored = captured.attach()) {
        task.run();
      }
    };
  }

  /** Returns {@code task} running with the span that is current now, wherever it runs. */
  public static <T> Callable<T> wrap(Callable<T> task) {
    CapturedSpan captured = CapturedSpan.capture();
    return () -> {
      try (Scope ignored = captured.attach()) {
        return task.call();
      }
    };
  }

  /** Returns an executor running each task with the span current when it was submitted. */
  public static Executor wrap(Executor executor) {
    return task -> executor.execute(wrap(task));
  }

  /**
   * Returns an executor service running each task ({@code execute}, {@code submit}, {@code
   * invokeAll}, {@code invokeAny}) with the span current when it was submitted; shutting it down
   * shuts down {@code executor}.
   */
  public static ExecutorService wrap(ExecutorService executor) {
    return new TracingExecutorService(executor);
  }

  /**
   * Returns a scheduled executor service running each task, and each run of a periodic task, with
   * the span current when it was submitted or scheduled.
   */
  public static ScheduledExecutorService wrap(ScheduledExecutorService executor) {
    return new TracingScheduledExecutorService(executor);
  }

  /** Switches strict mode on or off: a mis-nested scope then throws instead of being logged. */
  public static void strictMode(boolean enabled) {
    CurrentSpan.strict(enabled);
  }

  // Daemon export threads die with the JVM: flush what is queued when it exits.
  private static synchronized void registerShutdownHook() {
    if (shutdownHook != null) {
      return;
    }
    shutdownHook = new Thread(() -> TRACERS.values().forEach(Tracer::flush), "tracing-flush");
    try {
      Runtime.getRuntime().addShutdownHook(shutdownHook);
    } catch (IllegalStateException | SecurityException e) {
      shutdownHook = null; // the JVM is already exiting, or we may not add hooks
    }
  }

  private static synchronized void unregisterShutdownHook() {
    if (shutdownHook == null) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException | SecurityException e) {
      // the JVM is exiting: the hook runs anyway
    }
    shutdownHook = null;
  }
}
