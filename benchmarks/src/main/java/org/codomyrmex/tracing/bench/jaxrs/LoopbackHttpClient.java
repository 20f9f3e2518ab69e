package org.codomyrmex.tracing.bench.jaxrs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.LongAdder;

/**
 * A minimal HTTP/1.1 keep-alive client for one loopback connection: GET, check the status, read the
 * body (Content-Length or chunked). Small on purpose, so that the server's cost dominates.
 */
final class LoopbackHttpClient implements AutoCloseable {
  private static final int TIMEOUT_MS = 10_000;
  private final Socket socket;
  private final OutputStream out;
  private final InputStream in;
  private final byte[][] requests;
  private final LongAdder[] sent;
  private final byte[] buffer = new byte[16 * 1024];
  private int pos;
  private int limit;

  /** Connects; request {@code i} is a GET of {@code paths[i]}, counted into {@code sent[i]}. */
  LoopbackHttpClient(int port, String[] paths, LongAdder[] sent) throws IOException {
    this.sent = sent;
    this.requests = new byte[paths.length][];
    for (int i = 0; i < paths.length; i++) {
      String text = "GET " + paths[i] + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n";
      requests[i] = text.getBytes(StandardCharsets.US_ASCII);
    }
    socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(TIMEOUT_MS);
    out = socket.getOutputStream();
    in = socket.getInputStream();
  }

  /** Sends a GET of the first path and returns the body length; fails unless the status is 200. */
  int get() throws IOException {
    return get(0);
  }

  /** Sends a GET of path {@code i} and returns the body length; fails unless the status is 200. */
  int get(int i) throws IOException {
    sent[i].increment(); // counted as sent at once: a count kept until close() can miss a report
    out.write(requests[i]);
    out.flush();
    String status = line();
    if (!status.startsWith("HTTP/1.1 200")) {
      throw new IOException("unexpected response: " + status);
    }
    return body(headers());
  }

  // returns the Content-Length, or -1 for a chunked body
  private long headers() throws IOException {
    long length = 0;
    for (String header = line(); !header.isEmpty(); header = line()) {
      String lower = header.toLowerCase(java.util.Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Long.parseLong(lower.substring(15).trim());
      } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        length = -1;
      }
    }
    return length;
  }

  private int body(long length) throws IOException {
    if (length >= 0) {
      skip(length);
      return (int) length;
    }
    int total = 0;
    for (long chunk = Long.parseLong(line().trim(), 16); chunk > 0; ) {
      skip(chunk);
      line();
      total += (int) chunk;
      chunk = Long.parseLong(line().trim(), 16);
    }
    line();
    return total;
  }

  private String line() throws IOException {
    StringBuilder text = new StringBuilder(64);
    for (int b = next(); b != '\n'; b = next()) {
      if (b != '\r') {
        text.append((char) b);
      }
    }
    return text.toString();
  }

  private void skip(long count) throws IOException {
    for (long i = 0; i < count; i++) {
      next();
    }
  }

  private int next() throws IOException {
    if (pos == limit) {
      limit = in.read(buffer);
      pos = 0;
      if (limit <= 0) {
        throw new IOException("connection closed by the server");
      }
    }
    return buffer[pos++] & 0xff;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
