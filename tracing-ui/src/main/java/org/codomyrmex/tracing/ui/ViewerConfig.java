package org.codomyrmex.tracing.ui;

import java.util.regex.Pattern;
import org.codomyrmex.tracing.internal.TracingConfig;

/** The trace viewer's keys, read through the library's configuration lookup; bad values throw. */
final class ViewerConfig {
  static final int MAX_TRACES_LIMIT = 100_000;
  private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9._~-]+)+");

  private final boolean enabled;
  private final String path;
  private final int maxTraces;
  private final boolean allowRemote;

  private ViewerConfig(TracingConfig config) {
    this.enabled = bool(config, TracingConfig.UI_ENABLED, false) && config.enabled();
    this.path = path(config);
    this.maxTraces = maxTraces(config);
    this.allowRemote = bool(config, TracingConfig.UI_ALLOW_REMOTE, false);
  }

  /** Reads the keys from MicroProfile Config, system properties and the environment. */
  static ViewerConfig load() {
    return of(TracingConfig.load());
  }

  static ViewerConfig of(TracingConfig config) {
    return new ViewerConfig(config);
  }

  /** Whether the viewer serves and records: {@code tracing.ui.enabled} and tracing itself on. */
  boolean enabled() {
    return enabled;
  }

  /** Where the viewer is below the application path: starts with '/', never ends with one. */
  String path() {
    return path;
  }

  int maxTraces() {
    return maxTraces;
  }

  boolean allowRemote() {
    return allowRemote;
  }

  private static boolean bool(TracingConfig config, String key, boolean fallback) {
    String value = config.raw(key);
    if (value == null) {
      return fallback;
    }
    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(value);
    }
    throw invalid(key, value, "expected true or false");
  }

  private static String path(TracingConfig config) {
    String value = config.raw(TracingConfig.UI_PATH);
    if (value == null) {
      return "/tracing";
    }
    String trimmed = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    String path = trimmed.startsWith("/") ? trimmed : "/" + trimmed;
    if (!PATH.matcher(path).matches() || path.matches(".*/\\.{1,2}(/.*)?")) {
      throw invalid(
          TracingConfig.UI_PATH, value, "expected path segments of letters, digits, '.', '_', '-'");
    }
    return path;
  }

  private static int maxTraces(TracingConfig config) {
    String value = config.raw(TracingConfig.UI_MAX_TRACES);
    if (value == null) {
      return 200;
    }
    try {
      int parsed = Integer.parseInt(value);
      if (parsed >= 1 && parsed <= MAX_TRACES_LIMIT) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw invalid(
        TracingConfig.UI_MAX_TRACES, value, "expected an integer from 1 to " + MAX_TRACES_LIMIT);
  }

  private static IllegalArgumentException invalid(String key, String value, String why) {
    return new IllegalArgumentException(key + ": invalid value '" + value + "': " + why);
  }
}
