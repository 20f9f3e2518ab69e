package org.codomyrmex.tracing.bench.jaxrs;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.codomyrmex.tracing.bench.ThreadGroups;
import org.codomyrmex.tracing.bench.ThreadSchedule;

/**
 * CPU time per request over the measured iterations: of the whole process (server, client, JIT, GC)
 * and of the server's request threads alone, which excludes the client and the I/O threads; and by
 * thread group (request, I/O, client, GC, JIT, export, other), with the time slices per request. On
 * Netty the event loops run the requests, so all of them count as request threads.
 */
final class CpuPerRequest {
  private static final String REQUEST = "request";
  private final String requestThreads;
  private final Map<String, long[]> groupTotals = new TreeMap<>();
  private long startRequests;
  private long startProcess;
  private ThreadGroups startGroups;
  private long requests;
  private long processNanos;

  /** Counts the CPU of the threads whose name starts with {@code requestThreads}. */
  CpuPerRequest(String requestThreads) {
    this.requestThreads = ThreadSchedule.kernelName(requestThreads);
  }

  /** Notes where an iteration starts; {@code requestsSoFar} is the count of requests sent. */
  void begin(long requestsSoFar) {
    startRequests = requestsSoFar;
    startProcess = processCpuNanos();
    startGroups = ThreadGroups.of(this::group);
  }

  /** Adds the iteration that just ended. */
  void end(long requestsSoFar) {
    requests += requestsSoFar - startRequests;
    processNanos += processCpuNanos() - startProcess;
    ThreadGroups.of(this::group)
        .since(startGroups)
        .forEach(
            (name, delta) -> {
              long[] total = groupTotals.computeIfAbsent(name, k -> new long[delta.length]);
              for (int i = 0; i < delta.length; i++) {
                total[i] += delta[i];
              }
            });
  }

  /** One line: microseconds of CPU per request, process and request threads. */
  String report() {
    double perRequest = requests == 0 ? Double.NaN : 1e-3 / requests;
    long[] request = groupTotals.getOrDefault(REQUEST, new long[ThreadGroups.FIELDS]);
    return String.format(
        Locale.ROOT,
        "[cpu] per request over %d requests: process %.2f us, request threads %.2f us",
        requests,
        processNanos * perRequest,
        request[ThreadGroups.RUN] * perRequest);
  }

  /** One line: each thread group's CPU microseconds and time slices per request. */
  String groupReport() {
    StringBuilder line = new StringBuilder("[cpu-groups] per request:");
    groupTotals.forEach(
        (name, total) ->
            line.append(
                String.format(
                    Locale.ROOT,
                    " %s %.2f us %.3f slices;",
                    name,
                    total[ThreadGroups.RUN] / 1e3 / requests,
                    (double) total[ThreadGroups.SLICES] / requests)));
    return line.toString();
  }

  // Thread names as the kernel keeps them: their first 15 characters.
  private String group(String comm) {
    if (comm.startsWith(requestThreads)) {
      return REQUEST;
    }
    if (comm.startsWith("XNIO")) {
      return "io"; // Undertow's I/O threads
    }
    if (comm.startsWith("org.codomyrmex.")) {
      return "client"; // JMH's workers, named after the benchmark
    }
    if (comm.startsWith("GC ") || comm.startsWith("G1 ")) {
      return "gc";
    }
    if (comm.contains("CompilerThre")) {
      return "jit";
    }
    return comm.startsWith("codomyrmex-") ? "export" : "other";
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
