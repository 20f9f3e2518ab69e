package org.codomyrmex.tracing.bench.jaxrs;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.codomyrmex.tracing.bench.ThreadSchedule;

/**
 * CPU time per request over the measured iterations: of the whole process (server, client, JIT, GC)
 * and of the server's request threads alone, which excludes the client and the I/O threads.
 */
final class CpuPerRequest {
  private final String requestThreads;
  private long startRequests;
  private long startProcess;
  private long startThreads;
  private long requests;
  private long processNanos;
  private long threadNanos;

  /** Counts the CPU of the threads whose name starts with {@code requestThreads}. */
  CpuPerRequest(String requestThreads) {
    this.requestThreads = requestThreads;
  }

  /** Notes where an iteration starts; {@code requestsSoFar} is the count of requests sent. */
  void begin(long requestsSoFar) {
    startRequests = requestsSoFar;
    startProcess = processCpuNanos();
    startThreads = ThreadSchedule.of(requestThreads).runNanos();
  }

  /** Adds the iteration that just ended. */
  void end(long requestsSoFar) {
    requests += requestsSoFar - startRequests;
    processNanos += processCpuNanos() - startProcess;
    threadNanos += ThreadSchedule.of(requestThreads).runNanos() - startThreads;
  }

  /** One line: microseconds of CPU per request, process and request threads. */
  String report() {
    double perRequest = requests == 0 ? Double.NaN : 1e-3 / requests;
    return String.format(
        Locale.ROOT,
        "[cpu] per request over %d requests: process %.2f us, request threads %.2f us",
        requests,
        processNanos * perRequest,
        threadNanos * perRequest);
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
