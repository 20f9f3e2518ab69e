package org.codomyrmex.tracing.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Scheduler statistics of this JVM's threads summed by group ({@code /proc/self/task/<id>/}): how
 * long each group ran, how long it waited runnable for a CPU, and how often it was put on one.
 * Empty where there are no such files.
 */
public final class ThreadGroups {
  /** Index of the run time, in nanoseconds, in a group's sums. */
  public static final int RUN = 0;

  /** Index of the time spent runnable but waiting for a CPU, in nanoseconds. */
  public static final int WAIT = 1;

  /** Index of the number of time slices (times put on a CPU). */
  public static final int SLICES = 2;

  /** The length of a group's sums. */
  public static final int FIELDS = SLICES + 1;

  private final Map<String, long[]> groups;

  private ThreadGroups(Map<String, long[]> groups) {
    this.groups = groups;
  }

  /**
   * Sums the statistics by {@code group.apply(name)}, where name is a thread's name as the kernel
   * keeps it (its first 15 characters).
   */
  public static ThreadGroups of(UnaryOperator<String> group) {
    Map<String, long[]> sums = new TreeMap<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        String[] fields = Files.readString(task.resolve("schedstat")).trim().split(" ");
        long[] sum = sums.computeIfAbsent(group.apply(comm(task)), k -> new long[FIELDS]);
        for (int i = 0; i < FIELDS; i++) {
          sum[i] += Long.parseLong(fields[i]);
        }
      }
    } catch (IOException | RuntimeException e) {
      return new ThreadGroups(Map.of()); // not Linux, or a thread ended while read: nothing
    }
    return new ThreadGroups(sums);
  }

  private static String comm(Path task) throws IOException {
    return Files.readString(task.resolve("comm")).trim();
  }

  /**
   * Returns the sums of {@code group} (indexed by {@link #RUN}, {@link #WAIT}, {@link #SLICES}).
   */
  public long[] sums(String group) {
    return groups.getOrDefault(group, new long[FIELDS]).clone();
  }

  /** Returns each group's sums since {@code earlier}. */
  public Map<String, long[]> since(ThreadGroups earlier) {
    Map<String, long[]> delta = new TreeMap<>();
    groups.forEach(
        (name, now) -> {
          long[] before = earlier.sums(name);
          for (int i = 0; i < FIELDS; i++) {
            before[i] = now[i] - before[i];
          }
          delta.put(name, before);
        });
    return delta;
  }
}
