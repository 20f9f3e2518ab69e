package org.codomyrmex.tracing.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * POSTs JSON payloads with timeouts, gzip and bounded retries; never throws.
 *
 * <p>Runs on the tracer's worker thread, so every call is bounded by {@link Settings#budget()}.
 */
final class HttpSender {
  private final URI endpoint;
  private final Settings settings;
  private final HttpClient client;
  // Cleared for good when the backend rejects a compressed body with 415.
  private volatile boolean gzip;
  // Consecutive payloads that failed in a retryable way: the backend is down while > 0.
  private final AtomicInteger failures = new AtomicInteger();
  // While down, no request before this instant: batches are dropped at once instead.
  private volatile long probeAtNanos;

  /**
   * Creates a sender to {@code endpoint}.
   *
   * @throws IllegalArgumentException naming {@code key} when the endpoint is not an http(s) URL
   */
  HttpSender(String key, URI endpoint, Settings settings) {
    this.endpoint = checked(key, endpoint);
    this.settings = settings;
    this.gzip = settings.gzip();
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  private static URI checked(String key, URI endpoint) {
    String scheme = endpoint == null ? null : endpoint.getScheme();
    boolean http = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
    if (!http || endpoint.getHost() == null) {
      throw new IllegalArgumentException(key + ": not an http(s) URL: " + endpoint);
    }
    return endpoint;
  }

  /** The target of every request. */
  URI endpoint() {
    return endpoint;
  }

  /**
   * Sends {@code json}, retrying 5xx, 429 and transport failures with backoff until the attempts or
   * the time budget run out. A backend found down is left alone for a cool-down that doubles with
   * each failed probe (payloads are dropped meanwhile), then probed with a single attempt: a dead
   * backend costs the export thread little, and one that comes back gets the next batches.
   *
   * @return the outcome of the last attempt
   */
  Outcome send(byte[] json) {
    int failed = failures.get();
    if (failed > 0 && System.nanoTime() - probeAtNanos < 0) {
      return Outcome.failure("backend unavailable, waiting before the next attempt");
    }
    Outcome outcome = sendWithRetries(json, failed > 0 ? 1 : settings.maxAttempts());
    if (outcome.retryable()) {
      probeAtNanos = System.nanoTime() + cooldown(failures.incrementAndGet()).toNanos();
    } else {
      failures.set(0);
    }
    return outcome;
  }

  private Duration cooldown(int failed) {
    Duration pause = settings.cooldown().multipliedBy(1L << Math.min(failed - 1, 16));
    return pause.compareTo(settings.maxCooldown()) < 0 ? pause : settings.maxCooldown();
  }

  private Outcome sendWithRetries(byte[] json, int maxAttempts) {
    long deadline = System.nanoTime() + settings.budget().toNanos();
    Outcome outcome = attempt(json, deadline);
    for (int attempt = 1; attempt < maxAttempts && outcome.retryable(); attempt++) {
      if (!pause(backoff(attempt), deadline)) {
        return outcome;
      }
      outcome = attempt(json, deadline);
    }
    return outcome;
  }

  private Outcome attempt(byte[] json, long deadline) {
    Duration remaining = Duration.ofNanos(deadline - System.nanoTime());
    if (remaining.isNegative() || remaining.isZero()) {
      return Outcome.failure("time budget exhausted");
    }
    boolean compressed = gzip;
    Outcome outcome = post(json, compressed, min(settings.requestTimeout(), remaining));
    if (compressed && outcome.status() == 415) {
      gzip = false; // the backend does not accept gzip: send plain from now on
      return attempt(json, deadline);
    }
    return outcome;
  }

  private Outcome post(byte[] json, boolean compressed, Duration timeout) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(compressed ? gzip(json) : json));
    if (compressed) {
      request.header("Content-Encoding", "gzip");
    }
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return Outcome.of(response.statusCode(), response.body());
    } catch (IOException e) {
      return Outcome.failure(e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Outcome.interrupted();
    }
  }

  // Exponential backoff with full jitter in the upper half, capped by maxBackoff.
  private Duration backoff(int attempt) {
    long base = settings.initialBackoff().toMillis() << Math.min(attempt - 1, 16);
    long capped = Math.min(base, settings.maxBackoff().toMillis());
    return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
  }

  private static boolean pause(Duration delay, long deadline) {
    if (System.nanoTime() + delay.toNanos() >= deadline) {
      return false;
    }
    try {
      Thread.sleep(delay.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  // The fastest level: on span JSON about half the CPU of the default level (2.8 instead of 5.5 us
  // per span of a 512-span OTLP batch) for a sixth more bytes, and the export worker shares the
  // application's CPUs.
  static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 4 + 64);
    try (GZIPOutputStream zip = new FastestGzip(out)) {
      zip.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen in memory
    }
    return out.toByteArray();
  }

  private static final class FastestGzip extends GZIPOutputStream {
    FastestGzip(OutputStream out) throws IOException {
      super(out);
      def.setLevel(Deflater.BEST_SPEED);
    }
  }

  /**
   * Timeouts, attempts and backoff of a sender.
   *
   * @param connectTimeout time to open a connection
   * @param requestTimeout time for one request, response included
   * @param maxAttempts attempts per payload, the first one included
   * @param initialBackoff pause before the second attempt, doubled for each further one
   * @param maxBackoff longest pause between attempts
   * @param budget longest total time for one payload, pauses included
   * @param cooldown time without requests after the backend is found down, doubled per failed probe
   * @param maxCooldown longest time without requests while the backend is down
   * @param gzip whether to compress request bodies
   */
  record Settings(
      Duration connectTimeout,
      Duration requestTimeout,
      int maxAttempts,
      Duration initialBackoff,
      Duration maxBackoff,
      Duration budget,
      Duration cooldown,
      Duration maxCooldown,
      boolean gzip) {

    /**
     * Two-second requests, three attempts, at most five seconds per batch; a dead backend is probed
     * after 1 s, 2 s, 4 s, then every 8 s; gzip on.
     */
    static Settings defaults() {
      return new Settings(
          Duration.ofSeconds(1),
          Duration.ofSeconds(2),
          3,
          Duration.ofMillis(200),
          Duration.ofSeconds(1),
          Duration.ofSeconds(5),
          Duration.ofSeconds(1),
          Duration.ofSeconds(8),
          true);
    }
  }

  /**
   * What happened to one payload.
   *
   * @param status the HTTP status, or -1 when no response arrived
   * @param detail the response body or the transport error, for logs
   */
  record Outcome(int status, String detail) {
    static Outcome of(int status, String body) {
      return new Outcome(status, body == null ? "" : abbreviate(body));
    }

    static Outcome failure(String detail) {
      return new Outcome(-1, detail);
    }

    static Outcome interrupted() {
      return new Outcome(-2, "interrupted");
    }

    boolean success() {
      return status >= 200 && status < 300;
    }

    // Transport failures, throttling and server errors may heal; other 4xx will not.
    boolean retryable() {
      return status == -1 || status == 429 || status >= 500;
    }

    private static String abbreviate(String body) {
      return body.length() <= 200 ? body : body.substring(0, 200) + "...";
    }
  }
}
