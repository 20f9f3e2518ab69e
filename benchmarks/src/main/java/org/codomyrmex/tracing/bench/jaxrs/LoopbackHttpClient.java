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
  private static final byte[] STATUS_OK = ascii("http/1.1 200");
  private static final byte[] CONTENT_LENGTH = ascii("content-length:");
  private static final byte[] TRANSFER_ENCODING = ascii("transfer-encoding:");
  private static final byte[] CHUNKED = ascii("chunked");
  private final Socket socket;
  private final OutputStream out;
  private final InputStream in;
  private final byte[][] requests;
  private final LongAdder[] sent;
  private final byte[] buffer = new byte[16 * 1024];
  private int pos;
  private int limit;
  private int lineEnd;

  /** Connects; request {@code i} is a GET of {@code paths[i]}, counted into {@code sent[i]}. */
  LoopbackHttpClient(int port, String[] paths, LongAdder[] sent) throws IOException {
    this.sent = sent;
    this.requests = new byte[paths.length][];
    for (int i = 0; i < paths.length; i++) {
      String text = "GET " + paths[i] + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n";
      requests[i] = ascii(text);
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
    int start = lineStart();
    if (!startsWith(start, STATUS_OK)) {
      throw new IOException("unexpected response: " + text(start, lineEnd));
    }
    return body(headers());
  }

  // Returns the Content-Length, or -1 for a chunked body. Reads the header lines in the buffer
  // without making strings of them: the client shares the CPUs with the server it measures, and
  // every header the server adds should cost the client as little as possible.
  private long headers() throws IOException {
    long length = 0;
    for (int start = lineStart(); lineEnd > start; start = lineStart()) {
      if (startsWith(start, CONTENT_LENGTH)) {
        length = number(start + CONTENT_LENGTH.length, 10);
      } else if (startsWith(start, TRANSFER_ENCODING) && contains(start, CHUNKED)) {
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
    for (long chunk = chunkSize(); chunk > 0; chunk = chunkSize()) {
      skip(chunk);
      lineStart(); // the CRLF after the chunk
      total += (int) chunk;
    }
    lineStart(); // the empty line after the last chunk
    return total;
  }

  private long chunkSize() throws IOException {
    return number(lineStart(), 16);
  }

  // Reads up to the next LF into the buffer (compacting it when needed) and returns where the line
  // starts; lineEnd is then where it ends, without the CR LF.
  private int lineStart() throws IOException {
    int start = pos;
    int lf = indexOfLf(start);
    while (lf < 0) {
      start = fill(start);
      lf = indexOfLf(start);
    }
    pos = lf + 1;
    lineEnd = lf > start && buffer[lf - 1] == '\r' ? lf - 1 : lf;
    return start;
  }

  private int indexOfLf(int from) {
    for (int i = from; i < limit; i++) {
      if (buffer[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  // Moves the unread bytes from `start` to the front and reads more; returns the new start (0).
  private int fill(int start) throws IOException {
    int kept = limit - start;
    if (kept == buffer.length) {
      throw new IOException("response line longer than " + buffer.length + " bytes");
    }
    System.arraycopy(buffer, start, buffer, 0, kept);
    limit = kept;
    pos = 0;
    int read = in.read(buffer, limit, buffer.length - limit);
    if (read <= 0) {
      throw new IOException("connection closed by the server");
    }
    limit += read;
    return 0;
  }

  private boolean startsWith(int start, byte[] prefix) {
    return lineEnd - start >= prefix.length && matchesAt(start, prefix);
  }

  private boolean contains(int start, byte[] word) {
    for (int i = start; i + word.length <= lineEnd; i++) {
      if (matchesAt(i, word)) {
        return true;
      }
    }
    return false;
  }

  // ASCII, case-insensitive: `word` is lower case; the caller checked that it fits.
  private boolean matchesAt(int at, byte[] word) {
    for (int i = 0; i < word.length; i++) {
      if (lower(buffer[at + i]) != word[i]) {
        return false;
      }
    }
    return true;
  }

  // The number from `start` to the end of the line, blanks around it allowed, nothing else.
  private long number(int start, int radix) throws IOException {
    int from = start;
    int to = lineEnd;
    while (from < to && blank(buffer[from])) {
      from++;
    }
    while (to > from && blank(buffer[to - 1])) {
      to--;
    }
    if (from == to) {
      throw badNumber(start);
    }
    long value = 0;
    for (int i = from; i < to; i++) {
      int digit = Character.digit(buffer[i], radix);
      if (digit < 0) {
        throw badNumber(start);
      }
      value = value * radix + digit;
    }
    return value;
  }

  private IOException badNumber(int start) {
    return new IOException("bad number in response: " + text(start, lineEnd));
  }

  private static boolean blank(byte b) {
    return b == ' ' || b == '\t';
  }

  private static byte lower(byte b) {
    return b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b;
  }

  private String text(int start, int end) {
    return new String(buffer, start, end - start, StandardCharsets.ISO_8859_1);
  }

  private void skip(long count) throws IOException {
    for (long left = count; left > 0; ) {
      if (pos == limit) {
        pos = fill(limit);
      }
      int step = (int) Math.min(left, limit - pos);
      pos += step;
      left -= step;
    }
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
