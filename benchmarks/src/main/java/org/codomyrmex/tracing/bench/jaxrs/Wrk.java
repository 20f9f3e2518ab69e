package org.codomyrmex.tracing.bench.jaxrs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs Debian's {@code wrk} against a URL and reads its summary. */
final class Wrk {
  private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ([\\d.]+)(m?s)");
  private static final Pattern FAILURES =
      Pattern.compile("Non-2xx or 3xx responses: (\\d+)|Socket errors: .*");

  private Wrk() {}

  /** One run's summary: completed requests, their rate, and any errors wrk reported. */
  record Result(long requests, double seconds, String errors) {
    double perSecond() {
      return requests / seconds;
    }
  }

  /** Loads {@code url} for {@code seconds} with one thread and {@code connections} connections. */
  static Result run(String url, int connections, int seconds)
      throws IOException, InterruptedException {
    List<String> command =
        List.of("wrk", "-t1", "-c" + connections, "-d" + seconds + "s", "--timeout", "5s", url);
    Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!wrk.waitFor(seconds + 30L, TimeUnit.SECONDS) || wrk.exitValue() != 0) {
      wrk.destroyForcibly();
      throw new IOException("wrk failed: " + output);
    }
    return parse(output);
  }

  /** Reads wrk's summary. */
  static Result parse(String output) {
    Matcher requests = REQUESTS.matcher(output);
    if (!requests.find()) {
      throw new IllegalArgumentException("no summary in wrk's output: " + output);
    }
    double seconds = Double.parseDouble(requests.group(2));
    if (requests.group(3).equals("ms")) {
      seconds /= 1000;
    }
    Matcher failures = FAILURES.matcher(output);
    StringBuilder errors = new StringBuilder();
    while (failures.find()) {
      errors.append(errors.length() == 0 ? "" : "; ").append(failures.group().trim());
    }
    return new Result(Long.parseLong(requests.group(1)), seconds, errors.toString());
  }
}
