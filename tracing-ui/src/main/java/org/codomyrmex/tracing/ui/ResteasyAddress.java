package org.codomyrmex.tracing.ui;

import org.jboss.resteasy.core.ResteasyContext;
import org.jboss.resteasy.spi.HttpRequest;

/** The client address from RESTEasy's current request; loaded only where RESTEasy runs. */
final class ResteasyAddress {
  private ResteasyAddress() {}

  static String current() {
    HttpRequest request = ResteasyContext.getContextData(HttpRequest.class);
    return request == null ? null : request.getRemoteAddress();
  }
}
