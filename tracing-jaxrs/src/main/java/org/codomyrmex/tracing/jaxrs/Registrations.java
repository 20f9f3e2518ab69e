package org.codomyrmex.tracing.jaxrs;

import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.FeatureContext;

/** Registers a filter once, and only on the side (server or client) it belongs to. */
final class Registrations {
  private Registrations() {}

  static boolean registerOnce(FeatureContext context, RuntimeType side, Class<?> filter) {
    if (context.getConfiguration().getRuntimeType() != side) {
      return false;
    }
    if (!context.getConfiguration().isRegistered(filter)) {
      context.register(filter);
    }
    return true;
  }
}
