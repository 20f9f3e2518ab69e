package org.codomyrmex.tracing.examples;

/**
 * What the demo reads from system properties: {@code demo.keep-running} (default false), {@code
 * demo.linger-seconds} (how long it stays up after printing, default 10) and {@code demo.port}
 * (default 0: a free port).
 */
record DemoOptions(boolean keepRunning, int lingerSeconds, int port) {
  static final String KEEP_RUNNING = "demo.keep-running";
  static final String LINGER_SECONDS = "demo.linger-seconds";
  static final String PORT = "demo.port";

  /** Reads the options; a bad value is an {@link IllegalArgumentException} naming its key. */
  static DemoOptions fromSystemProperties() {
    return new DemoOptions(
        flag(KEEP_RUNNING), number(LINGER_SECONDS, 10, 0, 3600), number(PORT, 0, 0, 65535));
  }

  private static boolean flag(String key) {
    String value = System.getProperty(key, "false").trim();
    if (!value.equals("true") && !value.equals("false")) {
      throw new IllegalArgumentException(key + ": expected true or false, got '" + value + "'");
    }
    return Boolean.parseBoolean(value);
  }

  private static int number(String key, int fallback, int min, int max) {
    String value = System.getProperty(key);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value.trim());
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below, with the key
    }
    throw new IllegalArgumentException(
        key + ": expected a whole number from " + min + " to " + max + ", got '" + value + "'");
  }
}
