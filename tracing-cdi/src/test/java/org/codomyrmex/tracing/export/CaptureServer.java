package org.codomyrmex.tracing.export;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * A loopback HTTP endpoint that records every request and answers with scripted statuses (200 once
 * the script is used up).
 */
final class CaptureServer implements AutoCloseable {
  /** One received request: its headers (lowercase names) and its decompressed body. */
  record Request(Map<String, List<String>> headers, byte[] rawBody, byte[] body) {
    String header(String name) {
      List<String> values = headers.get(name);
      return values == null ? null : values.get(0);
    }
  }

  /** Decides the status and body of the answer to a request. */
  @FunctionalInterface
  interface Responder {
    Reply answer(Request request);
  }

  /** An answer. */
  record Reply(int status, String body) {}

  private final HttpServer server;
  private final ConcurrentLinkedQueue<Integer> script = new ConcurrentLinkedQueue<>();
  private volatile Responder responder = request -> new Reply(200, "{}");
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  /** Listens on a free loopback port and answers {@code statuses} first. */
  CaptureServer(Integer... statuses) throws IOException {
    this(0);
    script.addAll(List.of(statuses));
  }

  /** Listens on 127.0.0.1:{@code port} (0: any free port). */
  private CaptureServer(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Returns a loopback port that was free a moment ago, for a server started later. */
  static int freePort() throws IOException {
    try (java.net.ServerSocket socket =
        new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  static CaptureServer onPort(int port) throws IOException {
    return new CaptureServer(port);
  }

  /** Listens on a free loopback port and answers as {@code responder} decides. */
  static CaptureServer answering(Responder responder) throws IOException {
    return onPort(0, responder);
  }

  /** Listens on 127.0.0.1:{@code port} and answers as {@code responder} decides. */
  static CaptureServer onPort(int port, Responder responder) throws IOException {
    CaptureServer server = new CaptureServer(port);
    server.responder = responder;
    return server;
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  List<Request> requests() {
    return requests;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] raw = exchange.getRequestBody().readAllBytes();
      Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      headers.putAll(exchange.getRequestHeaders());
      boolean gzip = "gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"));
      Request request = new Request(headers, raw, gzip ? gunzip(raw) : raw);
      requests.add(request);
      Integer status = script.poll();
      Reply reply = status == null ? responder.answer(request) : new Reply(status, "{}");
      byte[] body = reply.body().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(reply.status(), body.length);
      exchange.getResponseBody().write(body);
    }
  }

  static byte[] gunzip(byte[] data) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
      return in.readAllBytes();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
