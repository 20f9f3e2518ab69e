package org.codomyrmex.tracing.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Not API: parses a comma list of {@code name=value} pairs as OpenTelemetry reads {@code
 * OTEL_EXPORTER_OTLP_HEADERS} and {@code OTEL_RESOURCE_ATTRIBUTES}.
 *
 * <p>Names and values are trimmed; a value is split from its name at the first {@code =}, so it may
 * hold more; {@code %XX} sequences are decoded as UTF-8 (a {@code +} stays a plus); a value in
 * double quotes loses them and may hold commas; empty entries are skipped; an empty value is kept.
 * A malformed list throws {@link IllegalArgumentException} naming the key, never quoting a value:
 * header values are secrets.
 */
public final class KeyValues {
  private KeyValues() {}

  /** Returns the pairs of {@code text} in their order; a later duplicate name wins. */
  public static Map<String, String> parse(String key, String text) {
    Map<String, String> pairs = new LinkedHashMap<>();
    if (text == null) {
      return pairs;
    }
    int position = 1;
    for (String entry : entries(key, text)) {
      if (!entry.isBlank()) {
        addEntry(key, entry.trim(), position, pairs);
      }
      position++;
    }
    return Collections.unmodifiableMap(pairs);
  }

  private static void addEntry(String key, String entry, int position, Map<String, String> pairs) {
    int equals = entry.indexOf('=');
    if (equals < 0) {
      throw malformed(key, "entry " + position + " has no '='");
    }
    String name = entry.substring(0, equals).trim();
    if (name.isEmpty()) {
      throw malformed(key, "entry " + position + " has an empty name");
    }
    String decodedName = decode(key, name, position);
    pairs.put(decodedName, decode(key, unquoted(entry.substring(equals + 1).trim()), position));
  }

  // Splits at commas outside double quotes.
  private static List<String> entries(String key, String text) {
    List<String> entries = new ArrayList<>();
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        entries.add(text.substring(start, i));
        start = i + 1;
      }
    }
    if (quoted) {
      throw malformed(key, "a double quote is not closed");
    }
    entries.add(text.substring(start));
    return entries;
  }

  private static String unquoted(String value) {
    boolean quoted = value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"");
    return quoted ? value.substring(1, value.length() - 1) : value;
  }

  private static String decode(String key, String text, int position) {
    if (text.indexOf('%') < 0) {
      return text;
    }
    StringBuilder decoded = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      if (text.charAt(i) != '%') {
        decoded.append(text.charAt(i++));
        continue;
      }
      ByteArrayOutputStream run = new ByteArrayOutputStream(); // one UTF-8 sequence or more
      for (; i < text.length() && text.charAt(i) == '%'; i += 3) {
        run.write(hexByte(key, text, i, position));
      }
      decoded.append(run.toString(StandardCharsets.UTF_8));
    }
    return decoded.toString();
  }

  private static int hexByte(String key, String text, int percent, int position) {
    int high = percent + 2 < text.length() ? Character.digit(text.charAt(percent + 1), 16) : -1;
    int low = high >= 0 ? Character.digit(text.charAt(percent + 2), 16) : -1;
    if (low < 0) {
      throw malformed(key, "entry " + position + " has a '%' not followed by two hex digits");
    }
    return high * 16 + low;
  }

  private static IllegalArgumentException malformed(String key, String why) {
    return new IllegalArgumentException(
        key + ": expected a comma list of name=value (values percent-encoded): " + why);
  }
}
