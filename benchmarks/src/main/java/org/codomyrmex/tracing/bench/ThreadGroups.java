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
 * long each group ran and how often it was put on a CPU. Empty where there are no such files.
 */
public final class ThreadGroups {
  private final Map<String, long[]> groups;

  private ThreadGroups(Map<String, long[]> groups) {
    this.groups = groups;
  }

  /**
   * Sums run time and time slices by {@code group.apply(name)}, where name is a thread's name as
   * the kernel keeps it (its first 15 characters).
   */
  public static ThreadGroups of(UnaryOperator<String> group) {
    Map<String, long[]> sums = new TreeMap<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        String[] fields = Files.readString(task.resolve("schedstat")).trim().split(" ");
        long[] sum = sums.computeIfAbsent(group.apply(comm(task)), k -> new long[2]);
        sum[0] += Long.parseLong(fields[0]);
        sum[1] += Long.parseLong(fields[2]);
      }
    } catch (IOException | RuntimeException e) {
      return new ThreadGroups(Map.of()); // not Linux, or a thread ended while read: nothing
    }
    return new ThreadGroups(sums);
  }

  private static String comm(Path task) throws IOException {
    return Files.readString(task.resolve("comm")).trim();
  }

  /** Returns each group's run time and time slices since {@code earlier}. */
  public Map<String, long[]> since(ThreadGroups earlier) {
    Map<String, long[]> delta = new TreeMap<>();
    groups.forEach(
        (name, now) -> {
          long[] before = earlier.groups.getOrDefault(name, new long[2]);
          delta.put(name, new long[] {now[0] - before[0], now[1] - before[1]});
        });
    return delta;
  }
}
