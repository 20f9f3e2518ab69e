package org.codomyrmex.tracing.internal;

import org.codomyrmex.tracing.SpanContext;

/**
 * Not API: reads and writes the W3C {@code traceparent} and checks {@code tracestate} values.
 *
 * <p>{@code traceparent} is {@code version "-" trace-id "-" parent-id "-" trace-flags}: 2, 32, 16
 * and 2 lowercase hex digits. Version {@code ff} is invalid; version {@code 00} has exactly 55
 * characters; a later version may append {@code "-"} and more, which is ignored.
 */
final class TraceParent {
  static final int LENGTH = 55;
  // Nothing longer is looked at: a later version may add fields, but not unboundedly.
  private static final int MAX_LENGTH = 512;
  private static final int MAX_TRACE_STATE_LENGTH = 512;
  private static final int MAX_TRACE_STATE_MEMBERS = 32;
  private static final int SAMPLED_FLAG = 0x01;

  private TraceParent() {}

  /** Returns the context {@code value} describes, or null when it is missing or invalid. */
  static SpanContext parse(String value) {
    String v = trimmed(value);
    if (v == null || !hasValidShape(v)) {
      return null;
    }
    String traceId = v.substring(3, 35);
    String spanId = v.substring(36, 52);
    if (isAllZero(traceId) || isAllZero(spanId)) {
      return null;
    }
    boolean sampled = (Integer.parseInt(v.substring(53, 55), 16) & SAMPLED_FLAG) != 0;
    return SpanContext.create(traceId, spanId, null, sampled, null);
  }

  /** Returns the version 00 {@code traceparent} naming {@code context}'s span. */
  static String format(SpanContext context) {
    return "00-" + context.traceId() + "-" + context.spanId() + (context.sampled() ? "-01" : "-00");
  }

  /** Returns {@code value} when it is a well-formed {@code tracestate} to pass on, else null. */
  static String traceState(String value) {
    String v = trimmed(value);
    if (v == null || v.length() > MAX_TRACE_STATE_LENGTH) {
      return null;
    }
    String[] members = v.split(",", -1);
    if (members.length > MAX_TRACE_STATE_MEMBERS) {
      return null;
    }
    for (String member : members) {
      String m = member.strip(); // empty members are allowed and skipped by readers
      if (!m.isEmpty() && !isTraceStateMember(m)) {
        return null;
      }
    }
    return v;
  }

  private static boolean hasValidShape(String v) {
    if (v.length() < LENGTH || v.length() > MAX_LENGTH) {
      return false;
    }
    String version = v.substring(0, 2);
    if (!isLowerHex(version) || version.equals("ff")) {
      return false;
    }
    boolean exact = v.length() == LENGTH;
    if (!exact && (version.equals("00") || v.charAt(LENGTH) != '-')) {
      return false;
    }
    return v.charAt(2) == '-'
        && v.charAt(35) == '-'
        && v.charAt(52) == '-'
        && isLowerHex(v.substring(3, 35))
        && isLowerHex(v.substring(36, 52))
        && isLowerHex(v.substring(53, 55));
  }

  // key "=" value, where the value is printable ASCII without "," and "=" and not ending in space.
  private static boolean isTraceStateMember(String member) {
    int eq = member.indexOf('=');
    if (eq <= 0 || eq == member.length() - 1) {
      return false;
    }
    String key = member.substring(0, eq);
    String value = member.substring(eq + 1);
    return key.length() <= 256
        && key.chars().allMatch(TraceParent::isKeyChar)
        && value.length() <= 256
        && value.chars().allMatch(c -> c >= 0x20 && c <= 0x7e && c != ',' && c != '=')
        && value.charAt(value.length() - 1) != ' ';
  }

  private static boolean isKeyChar(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '_'
        || c == '-'
        || c == '*'
        || c == '/'
        || c == '@';
  }

  private static boolean isLowerHex(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAllZero(String s) {
    return s.chars().allMatch(c -> c == '0');
  }

  // HTTP optional whitespace around the value is not part of it.
  private static String trimmed(String value) {
    if (value == null || value.length() > 2 * MAX_LENGTH) {
      return null;
    }
    String v = value.strip();
    return v.isEmpty() ? null : v;
  }
}
