package org.codomyrmex.tracing.bench;

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
    String name = kernelName(prefix);
    long[] sums =
        ThreadGroups.of(comm -> comm.startsWith(name) ? "matched" : "other").sums("matched");
    return new ThreadSchedule(sums[ThreadGroups.RUN], sums[ThreadGroups.WAIT]);
  }

  /** Returns {@code threadName} as the kernel keeps it: its first 15 characters. */
  public static String kernelName(String threadName) {
    return threadName.length() > 15 ? threadName.substring(0, 15) : threadName;
  }
}
