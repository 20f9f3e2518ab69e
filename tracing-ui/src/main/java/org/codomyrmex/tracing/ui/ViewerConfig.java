package org.codomyrmex.tracing.ui;

import org.codomyrmex.tracing.internal.TracingConfig;

/**
 * The trace viewer's keys, read and checked with the rest of the library's configuration (so a bad
 * value is a deployment error under CDI, like any other key).
 */
final class ViewerConfig {
  private final boolean enabled;
  private final String path;
  private final int maxTraces;
  private final boolean allowRemote;

  private ViewerConfig(TracingConfig config) {
    this.enabled = config.uiEnabled() && config.enabled();
    this.path = config.uiPath();
    this.maxTraces = config.uiMaxTraces();
    this.allowRemote = config.uiAllowRemote();
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
}
