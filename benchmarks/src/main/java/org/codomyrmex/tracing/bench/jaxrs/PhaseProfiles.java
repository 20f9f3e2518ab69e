package org.codomyrmex.tracing.bench.jaxrs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * CPU profiles of the traced and the untraced phases of one JVM, kept apart: async-profiler runs
 * during each measured iteration and its collapsed stacks are appended to {@code traced.txt} or
 * {@code untraced.txt}, with one {@code # requests N} line per iteration. Enabled by {@code
 * -Dbench.phase-profiles=DIR -Dbench.profiler-lib=.../libasyncProfiler.so} and async-profiler's jar
 * on the class path (its Java API is used reflectively); off otherwise.
 */
final class PhaseProfiles {
  private static final String DIR = System.getProperty("bench.phase-profiles");
  private final Object profiler;
  private final Method execute;

  private PhaseProfiles(Object profiler, Method execute) {
    this.profiler = profiler;
    this.execute = execute;
  }

  /** Returns the profiles when the properties ask for them, or null. */
  static PhaseProfiles fromProperties() {
    if (DIR == null) {
      return null;
    }
    try {
      Class<?> type = Class.forName("one.profiler.AsyncProfiler");
      Object profiler =
          type.getMethod("getInstance", String.class)
              .invoke(null, System.getProperty("bench.profiler-lib"));
      Files.createDirectories(Path.of(DIR));
      return new PhaseProfiles(profiler, type.getMethod("execute", String.class));
    } catch (ReflectiveOperationException | IOException e) {
      throw new IllegalStateException("bench.phase-profiles: async-profiler not usable", e);
    }
  }

  /** Starts sampling CPU (1 ms, per thread). */
  void start() {
    run("start,event=cpu,interval=1000000,threads");
  }

  /** Stops sampling and appends this iteration's stacks and request count to the phase's file. */
  void stop(String phase, long requests) {
    run("stop");
    String stacks = run("collapsed");
    String text = "# requests " + requests + "\n" + stacks;
    try {
      Files.writeString(
          Path.of(DIR, phase + ".txt"),
          text,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String run(String command) {
    try {
      return (String) execute.invoke(profiler, command);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("async-profiler: " + command, e);
    }
  }
}
