package org.codomyrmex.tracing.export;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * How a network exporter's request bodies are typed and joined: a JSON encoder's fixed start and
 * end around its comma-separated items ({@code [a,b]} and {@code [c]} make {@code [a,b,c]}), or
 * protobuf messages, which join by concatenation (repeated fields append).
 */
final class BodyFormat {
  /** A Zipkin v2 list of spans. */
  static final BodyFormat ZIPKIN = new BodyFormat("application/json", "[", ",", "]");

  /** An OTLP {@code ExportTraceServiceRequest} in JSON: its {@code resourceSpans} are joined. */
  static final BodyFormat OTLP_JSON =
      new BodyFormat("application/json", "{\"resourceSpans\":[", ",", "]}");

  /** An OTLP {@code ExportTraceServiceRequest} in protobuf. */
  static final BodyFormat OTLP_PROTOBUF = new BodyFormat("application/x-protobuf", "", "", "");

  private final String contentType;
  private final byte[] prefix;
  private final byte[] separator;
  private final byte[] suffix;

  private BodyFormat(String contentType, String prefix, String separator, String suffix) {
    this.contentType = contentType;
    this.prefix = prefix.getBytes(StandardCharsets.UTF_8);
    this.separator = separator.getBytes(StandardCharsets.UTF_8);
    this.suffix = suffix.getBytes(StandardCharsets.UTF_8);
  }

  /** The {@code Content-Type} of a body. */
  String contentType() {
    return contentType;
  }

  /**
   * Returns one body holding the items of every body of {@code bodies}, in order.
   *
   * @throws IllegalArgumentException when a body is empty or lacks this format's start or end
   */
  byte[] join(List<byte[]> bodies) {
    if (bodies.size() == 1) {
      return bodies.get(0);
    }
    ByteArrayOutputStream joined = new ByteArrayOutputStream(size(bodies));
    joined.writeBytes(prefix);
    for (int i = 0; i < bodies.size(); i++) {
      byte[] body = bodies.get(i);
      checkEnvelope(body);
      if (i > 0) {
        joined.writeBytes(separator);
      }
      joined.write(body, prefix.length, body.length - prefix.length - suffix.length);
    }
    joined.writeBytes(suffix);
    return joined.toByteArray();
  }

  private static int size(List<byte[]> bodies) {
    int size = 0;
    for (byte[] body : bodies) {
      size += body.length;
    }
    return size;
  }

  private void checkEnvelope(byte[] body) {
    int length = body.length;
    boolean starts =
        length >= prefix.length + suffix.length
            && Arrays.equals(body, 0, prefix.length, prefix, 0, prefix.length);
    boolean ends =
        starts && Arrays.equals(body, length - suffix.length, length, suffix, 0, suffix.length);
    if (!ends || length == prefix.length + suffix.length) {
      throw new IllegalArgumentException("not a non-empty body of this format");
    }
  }
}
