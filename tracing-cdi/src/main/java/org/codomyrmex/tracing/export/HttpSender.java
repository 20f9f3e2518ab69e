package org.codomyrmex.tracing.export;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.codomyrmex.tracing.internal.SecretHeaders;

/**
 * POSTs encoded payloads with timeouts, gzip and the configured headers, one attempt per call;
 * never throws. Retrying is {@link HttpDelivery}'s job.
 */
final class HttpSender {
  private final URI endpoint;
  private final Settings settings;
  private final SecretHeaders headers;
  private final HttpClient client;
  private final String contentType;
  // Cleared for good when the backend rejects a compressed body with 415.
  private volatile boolean gzip;

  /**
   * Creates a sender to {@code endpoint}.
   *
   * @throws IllegalArgumentException naming {@code key} when the endpoint is not an http(s) URL
   */
  HttpSender(
      String key, URI endpoint, Settings settings, SecretHeaders headers, String contentType) {
    this.endpoint = checked(key, endpoint);
    this.contentType = contentType;
    this.settings = settings;
    this.headers = headers;
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

  Settings settings() {
    return settings;
  }

  /**
   * Returns {@code body} as it will be sent: compressed unless compression is off or the backend
   * refused gzip.
   */
  Payload payload(byte[] body, int spanCount) {
    boolean compressed = gzip;
    return new Payload(compressed ? gzip(body) : body, compressed, spanCount, body.length);
  }

  /** Returns the body of {@code payload}, uncompressed. */
  static byte[] uncompressed(Payload payload) {
    return payload.gzipped() ? gunzip(payload.body()) : payload.body();
  }

  /**
   * Sends {@code payload} once; a backend that answers 415 to a compressed body gets it again
   * uncompressed, and no compressed body after that.
   */
  Outcome send(Payload payload) {
    if (payload.gzipped() && !gzip) {
      return post(gunzip(payload.body()), false);
    }
    Outcome outcome = post(payload.body(), payload.gzipped());
    if (payload.gzipped() && outcome.status() == 415) {
      gzip = false; // the backend does not accept gzip: send plain from now on
      return post(gunzip(payload.body()), false);
    }
    return outcome;
  }

  private Outcome post(byte[] body, boolean compressed) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .timeout(settings.requestTimeout())
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    request.header("Content-Type", contentType);
    if (compressed) {
      request.header("Content-Encoding", "gzip");
    }
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      // Redacted before it is cut short: a cut must not leave part of a secret behind.
      return Outcome.of(response.statusCode(), headers.redact(response.body()));
    } catch (IOException | RuntimeException e) {
      return Outcome.failure(headers.redact(e.toString()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Outcome.interrupted();
    }
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

  static byte[] gunzip(byte[] data) {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // we compressed it ourselves
    }
  }

  /**
   * One batch, encoded as it is sent.
   *
   * @param body the encoded spans, compressed when {@code gzipped}
   * @param gzipped whether {@code body} is gzip-compressed
   * @param spanCount the spans in it
   * @param rawLength the length of the uncompressed body
   */
  record Payload(byte[] body, boolean gzipped, int spanCount, int rawLength) {
    /** Returns {@code body} uncompressed, to be compressed when it is sent. */
    static Payload plain(byte[] body, int spanCount) {
      return new Payload(body, false, spanCount, body.length);
    }
  }

  /**
   * Timeouts and backoff of a sender.
   *
   * @param connectTimeout time to open a connection
   * @param requestTimeout time for one request, response included
   * @param initialBackoff pause before the first retry, doubled for each further one
   * @param maxBackoff longest pause between retries while the backend is down
   * @param gzip whether to compress request bodies
   */
  record Settings(
      Duration connectTimeout,
      Duration requestTimeout,
      Duration initialBackoff,
      Duration maxBackoff,
      boolean gzip) {

    /** One-second connects, two-second requests, retries after 0.2 s doubling up to 5 s; gzip. */
    static Settings defaults() {
      return new Settings(
          Duration.ofSeconds(1),
          Duration.ofSeconds(2),
          Duration.ofMillis(200),
          Duration.ofSeconds(5),
          true);
    }

    /** Returns these settings with compression on or off. */
    Settings withGzip(boolean on) {
      return new Settings(connectTimeout, requestTimeout, initialBackoff, maxBackoff, on);
    }

    /** The pause after {@code failures} failed attempts in a row: doubling, jittered, capped. */
    Duration backoff(int failures) {
      long base = initialBackoff.toMillis() << Math.min(Math.max(failures - 1, 0), 20);
      long capped = Math.min(base, maxBackoff.toMillis());
      return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }
  }

  /**
   * What happened to one payload.
   *
   * @param status the HTTP status, -1 when no response arrived, -2 when interrupted
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

    // Transport failures, timeouts, throttling and server errors may heal; other 4xx will not.
    boolean retryable() {
      return status == -1 || status == -2 || status == 408 || status == 429 || status >= 500;
    }

    private static String abbreviate(String body) {
      return body.length() <= 200 ? body : body.substring(0, 200) + "...";
    }
  }

  private static final class FastestGzip extends GZIPOutputStream {
    FastestGzip(OutputStream out) throws IOException {
      super(out);
      def.setLevel(Deflater.BEST_SPEED);
    }
  }
}
