package org.codomyrmex.tracing.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A runtime's log file, read as the runtime writes it. */
public final class LogFile {
  private static final Duration POLL = Duration.ofMillis(100);

  private LogFile() {}

  /**
   * Requests {@code api/logged/<marker>} of the sample at {@code base} and checks that the line the
   * resource logged reached {@code log} with {@code [trace_id=… span_id=…]} of the request's server
   * span, as the runtime's log format of docs/logs.md prints them.
   */
  public static void assertLoggedLineShowsTheServerSpan(URI base, Path log) throws IOException {
    String marker = "marker-" + UUID.randomUUID();
    HttpResponse<String> response = HttpCalls.get(base.resolve("api/logged/" + marker), Map.of());
    String traceId = response.headers().firstValue("X-Trace-Id").orElseThrow();

    String line = awaitLine(log, "logged " + marker, Duration.ofSeconds(20));

    assertThat(traceId).hasSize(32);
    assertThat(line).contains("[trace_id=" + traceId + " span_id=" + response.body() + "] logged");
  }

  /**
   * Returns the first line of {@code file} that contains {@code marker}, waiting at most {@code
   * timeout} for the runtime to write it.
   */
  public static String awaitLine(Path file, String marker, Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      for (String line : lines(file)) {
        if (line.contains(marker)) {
          return line;
        }
      }
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("no line with '" + marker + "' in " + file + " after " + timeout);
      }
      RuntimeProcess.sleep(POLL);
    }
  }

  private static List<String> lines(Path file) throws IOException {
    return Files.exists(file) ? RuntimeProcess.lenientLines(file) : List.of();
  }
}
