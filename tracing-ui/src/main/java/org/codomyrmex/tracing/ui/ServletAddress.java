package org.codomyrmex.tracing.ui;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServletRequest;

/** The client address from the container's HttpServletRequest bean; loaded only with servlets. */
final class ServletAddress {
  private ServletAddress() {}

  static String current() {
    Instance<HttpServletRequest> requests = CDI.current().select(HttpServletRequest.class);
    return requests.isResolvable() ? requests.get().getRemoteAddr() : null;
  }
}
