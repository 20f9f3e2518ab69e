package org.codomyrmex.tracing.export;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The fixed start and end of an encoder's JSON around its comma-separated list of items, which lets
 * several encoded batches become one request: {@code [a,b]} and {@code [c]} make {@code [a,b,c]}.
 */
final class JsonEnvelope {
  /** A Zipkin v2 list of spans. */
  static final JsonEnvelope ZIPKIN = new JsonEnvelope("[", "]");

  /** An OTLP {@code ExportTraceServiceRequest}: its {@code resourceSpans} are joined. */
  static final JsonEnvelope OTLP = new JsonEnvelope("{\"resourceSpans\":[", "]}");

  private final byte[] prefix;
  private final byte[] suffix;

  private JsonEnvelope(String prefix, String suffix) {
    this.prefix = prefix.getBytes(StandardCharsets.UTF_8);
    this.suffix = suffix.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Returns one document holding the items of every document of {@code jsons}, in order.
   *
   * @throws IllegalArgumentException when a document does not have this envelope
   */
  byte[] join(List<byte[]> jsons) {
    if (jsons.size() == 1) {
      return jsons.get(0);
    }
    ByteArrayOutputStream joined = new ByteArrayOutputStream(size(jsons));
    joined.writeBytes(prefix);
    for (int i = 0; i < jsons.size(); i++) {
      byte[] json = jsons.get(i);
      checkEnvelope(json);
      if (i > 0) {
        joined.write(',');
      }
      joined.write(json, prefix.length, json.length - prefix.length - suffix.length);
    }
    joined.writeBytes(suffix);
    return joined.toByteArray();
  }

  private static int size(List<byte[]> jsons) {
    int size = 0;
    for (byte[] json : jsons) {
      size += json.length;
    }
    return size;
  }

  private void checkEnvelope(byte[] json) {
    int length = json.length;
    boolean starts =
        length >= prefix.length + suffix.length
            && Arrays.equals(json, 0, prefix.length, prefix, 0, prefix.length);
    boolean ends =
        starts && Arrays.equals(json, length - suffix.length, length, suffix, 0, suffix.length);
    if (!ends || length == prefix.length + suffix.length) {
      throw new IllegalArgumentException("not a non-empty document of this envelope");
    }
  }
}
