package org.codomyrmex.tracing.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Not API: request headers for a backend, whose values are secrets.
 *
 * <p>Values never leave through {@link #toString()} or an exception message; {@link #redact}
 * removes them from text about to be logged, such as a response body that echoes a request.
 */
public final class SecretHeaders {
  private static final SecretHeaders NONE = new SecretHeaders(Map.of());
  // Set by the exporters themselves, or refused by java.net.http.HttpClient.
  private static final Set<String> RESERVED =
      Set.of(
          "connection",
          "content-encoding",
          "content-length",
          "content-type",
          "expect",
          "host",
          "upgrade");
  private static final String TOKEN_CHARS = "!#$%&'*+-.^_`|~";
  private static final String HIDDEN = "***";

  private final Map<String, String> values;

  private SecretHeaders(Map<String, String> values) {
    this.values = values;
  }

  /** Returns no headers. */
  public static SecretHeaders none() {
    return NONE;
  }

  /**
   * Checks {@code headers} as HTTP allows them and the exporters may send them.
   *
   * @throws IllegalArgumentException starting with {@code key}, naming the header, never its value
   */
  public static SecretHeaders of(String key, Map<String, String> headers) {
    Map<String, String> checked = new LinkedHashMap<>();
    headers.forEach(
        (name, value) -> {
          checkName(key, name);
          checkValue(key, name, value);
          checked.put(name, value);
        });
    return checked.isEmpty() ? NONE : new SecretHeaders(Collections.unmodifiableMap(checked));
  }

  private static void checkName(String key, String name) {
    if (name == null || name.isEmpty() || !name.chars().allMatch(SecretHeaders::isTokenChar)) {
      throw new IllegalArgumentException(key + ": '" + name + "' is not a valid header name");
    }
    if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException(key + ": header '" + name + "' cannot be set");
    }
  }

  private static boolean isTokenChar(int c) {
    return c < 128 && (Character.isLetterOrDigit(c) || TOKEN_CHARS.indexOf(c) >= 0);
  }

  private static void checkValue(String key, String name, String value) {
    if (value == null) {
      throw new IllegalArgumentException(key + ": header '" + name + "' has no value");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < ' ' && c != '\t') || c == 127 || c > 255) {
        throw new IllegalArgumentException(
            key + ": the value of header '" + name + "' holds a character HTTP does not allow");
      }
    }
  }

  /** Hands every header to {@code target}, e.g. {@code HttpRequest.Builder::header}. */
  public void forEach(BiConsumer<String, String> target) {
    values.forEach(target);
  }

  /** Returns whether there are no headers. */
  public boolean isEmpty() {
    return values.isEmpty();
  }

  /**
   * Returns {@code text} with every header value replaced, and every word of a value that is six
   * characters or longer (the token of {@code Bearer <token>}, which a backend may quote alone).
   */
  public String redact(String text) {
    String redacted = text;
    for (String value : values.values()) {
      redacted = hide(redacted, value.trim(), 2);
      for (String word : value.trim().split("\\s+")) {
        redacted = hide(redacted, word, 6);
      }
    }
    return redacted;
  }

  private static String hide(String text, String secret, int minLength) {
    return text == null || secret.length() < minLength ? text : text.replace(secret, HIDDEN);
  }

  /** Returns the header names, each with its value hidden. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("[");
    for (String name : values.keySet()) {
      text.append(text.length() > 1 ? ", " : "").append(name).append('=').append(HIDDEN);
    }
    return text.append(']').toString();
  }
}
