package org.codomyrmex.tracing.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A plain HTTP client with no tracing of its own: what a browser or a foreign service sends. */
final class Http {
  static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private Http() {}

  static HttpResponse<String> get(URI uri, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).GET();
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError("GET " + uri + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static HttpResponse<String> frontend(String path, String... headers) {
    return get(Services.frontend(path), headers);
  }

  /** Calls the frontend as an unsampled caller in trace {@code traceId}. */
  static HttpResponse<String> unsampled(String path, String traceId) {
    return frontend(
        path, "X-Trace-Id", traceId, "X-Span-Id", "00f067aa0ba902b7", "X-Sampled", "false");
  }

  /** Parses "key=value" lines. */
  static Map<String, String> lines(String body) {
    Map<String, String> map = new LinkedHashMap<>();
    for (String line : body.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        map.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return map;
  }

  static String traceId(HttpResponse<?> response) {
    return response
        .headers()
        .firstValue("X-Trace-Id")
        .orElseThrow(() -> new AssertionError("no X-Trace-Id on " + response.uri()));
  }
}
