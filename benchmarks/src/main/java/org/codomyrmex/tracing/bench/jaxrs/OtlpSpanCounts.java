package org.codomyrmex.tracing.bench.jaxrs;

import java.nio.charset.StandardCharsets;

/**
 * Counts the spans, and the SERVER spans, in an OTLP {@code ExportTraceServiceRequest}: protobuf
 * (the OpenTelemetry agent's and SDK's exporters) or the OTLP/HTTP JSON mapping (this library's).
 */
final class OtlpSpanCounts {
  private static final int SERVER_KIND = 2; // SpanKind.SPAN_KIND_SERVER in the proto
  private static final byte[] JSON_SPAN = bytes("\"spanId\"");
  private static final byte[] JSON_SERVER = bytes("\"kind\":" + SERVER_KIND);

  long spans;
  long serverSpans;

  /** Counts the spans of one request body in OTLP's protobuf encoding. */
  void addProtobuf(byte[] body) {
    // ExportTraceServiceRequest.resource_spans(1) -> ResourceSpans.scope_spans(2)
    // -> ScopeSpans.spans(2) -> Span.kind(6)
    Protobuf request = new Protobuf(body, 0, body.length);
    while (request.next()) {
      if (request.field() == 1) {
        Protobuf resource = request.message();
        while (resource.next()) {
          if (resource.field() == 2) {
            addScopeSpans(resource.message());
          }
        }
      }
    }
  }

  private void addScopeSpans(Protobuf scope) {
    while (scope.next()) {
      if (scope.field() == 2) {
        spans++;
        Protobuf span = scope.message();
        while (span.next()) {
          if (span.field() == 6 && span.varint() == SERVER_KIND) {
            serverSpans++;
          }
        }
      }
    }
  }

  /**
   * Counts the spans of one request body in OTLP/HTTP's JSON mapping (compact, as Jackson writes).
   */
  void addJson(byte[] body) {
    spans += occurrences(body, JSON_SPAN);
    serverSpans += occurrences(body, JSON_SERVER);
  }

  private static long occurrences(byte[] text, byte[] word) {
    long count = 0;
    outer:
    for (int i = 0; i <= text.length - word.length; i++) {
      for (int j = 0; j < word.length; j++) {
        if (text[i + j] != word[j]) {
          continue outer;
        }
      }
      count++;
    }
    return count;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /** A cursor over the fields of one protobuf message. */
  private static final class Protobuf {
    private final byte[] bytes;
    private final int end;
    private int position;
    private int tag;
    private long varint;
    private int valueStart;
    private int valueEnd;

    Protobuf(byte[] bytes, int start, int end) {
      this.bytes = bytes;
      this.position = start;
      this.end = end;
    }

    /** Reads the next field; false at the end of the message. */
    boolean next() {
      if (position >= end) {
        return false;
      }
      tag = (int) readVarint();
      switch (tag & 7) {
        case 0 -> varint = readVarint();
        case 1 -> position += 8;
        case 2 -> {
          int length = (int) readVarint();
          valueStart = position;
          valueEnd = position + length;
          position = valueEnd;
        }
        case 5 -> position += 4;
        default -> throw new IllegalArgumentException("unsupported wire type " + (tag & 7));
      }
      return true;
    }

    int field() {
      return tag >>> 3;
    }

    long varint() {
      return (tag & 7) == 0 ? varint : -1;
    }

    Protobuf message() {
      return new Protobuf(bytes, valueStart, valueEnd);
    }

    private long readVarint() {
      long value = 0;
      for (int shift = 0; ; shift += 7) {
        byte b = bytes[position++];
        value |= (long) (b & 0x7f) << shift;
        if (b >= 0) {
          return value;
        }
      }
    }
  }
}
