package org.codomyrmex.tracing.bench.jaxrs;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;

/**
 * The cheapest OTLP/HTTP backend: accepts {@code POST /v1/traces} at 127.0.0.1 on a free port,
 * counts the spans and SERVER spans it receives (protobuf or JSON, gzip or not) and answers 200
 * with an empty body. One thread, so the counts need no further locking.
 */
final class SpanSink implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService thread = Executors.newSingleThreadExecutor();
  private OtlpSpanCounts counts = new OtlpSpanCounts();

  SpanSink() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.createContext("/v1/traces", this::receive);
    server.setExecutor(thread);
    server.start();
  }

  /** Returns the base URL of the sink, e.g. {@code http://127.0.0.1:40123}. */
  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Returns the counts since the last call, and starts new ones. */
  OtlpSpanCounts take() throws Exception {
    return thread
        .submit(
            () -> {
              OtlpSpanCounts taken = counts;
              counts = new OtlpSpanCounts();
              return taken;
            })
        .get();
  }

  private void receive(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = read(exchange);
      String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
      if (type.contains("json")) {
        counts.addJson(body);
      } else {
        counts.addProtobuf(body);
      }
      exchange.getResponseHeaders().set("Content-Type", type);
      exchange.sendResponseHeaders(200, -1);
    }
  }

  private static byte[] read(HttpExchange exchange) throws IOException {
    InputStream in = exchange.getRequestBody();
    if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
      in = new GZIPInputStream(in);
    }
    try (InputStream body = in) {
      return body.readAllBytes();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    thread.shutdownNow();
  }
}
