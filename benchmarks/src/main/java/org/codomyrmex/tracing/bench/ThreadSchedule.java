package org.codomyrmex.tracing.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Linux scheduler statistics of this JVM's threads ({@code /proc/self/task/<id>/schedstat}): how
 * long a thread ran and how long it waited, runnable, for a CPU. Zeros where there is no such file.
 */
public final class ThreadSchedule {
  final long runMillis;
  final long waitMillis;
  private final long runNanos;

  private ThreadSchedule(long runNanos, long waitNanos) {
    this.runNanos = runNanos;
    this.runMillis = runNanos / 1_000_000;
    this.waitMillis = waitNanos / 1_000_000;
  }

  /** Returns how long the matched threads ran, in nanoseconds. */
  public long runNanos() {
    return runNanos;
  }

  /** Sums the statistics of the threads whose name starts with {@code prefix} (first 15 chars). */
  public static ThreadSchedule of(String prefix) {
    String name = prefix.length() > 15 ? prefix.substring(0, 15) : prefix;
    long run = 0;
    long wait = 0;
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        if (Files.readString(task.resolve("comm")).trim().startsWith(name)) {
          String[] fields = Files.readString(task.resolve("schedstat")).trim().split(" ");
          run += Long.parseLong(fields[0]);
          wait += Long.parseLong(fields[1]);
        }
      }
    } catch (IOException | RuntimeException e) {
      return new ThreadSchedule(0, 0); // not Linux, or no schedstat: nothing to report
    }
    return new ThreadSchedule(run, wait);
  }
}
