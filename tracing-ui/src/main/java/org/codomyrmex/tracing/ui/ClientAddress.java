package org.codomyrmex.tracing.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Asks the runtime serving the current request for the client's IP address: RESTEasy's request
 * (Weld SE + RESTEasy, WildFly), Vert.x's routing context (Quarkus), the servlet request bean
 * (Payara, other Jakarta EE servers). Each source is loaded only where its API is present.
 */
final class ClientAddress {
  private final List<Supplier<String>> sources;

  private ClientAddress(List<Supplier<String>> sources) {
    this.sources = sources;
  }

  /** Finds the sources this class loader can use. */
  static ClientAddress find() {
    List<Supplier<String>> sources = new ArrayList<>();
    if (present("org.jboss.resteasy.core.ResteasyContext")) {
      sources.add(ResteasyAddress::current);
    }
    if (present("io.vertx.ext.web.RoutingContext")) {
      sources.add(VertxAddress::current);
    }
    if (present("jakarta.servlet.http.HttpServletRequest")) {
      sources.add(ServletAddress::current);
    }
    return new ClientAddress(List.copyOf(sources));
  }

  /** The current request's client address, or null when no source can tell. */
  String current() {
    for (Supplier<String> source : sources) {
      try {
        String address = source.get();
        if (address != null) {
          return address;
        }
      } catch (RuntimeException | LinkageError e) {
        // this source does not serve this request; try the next
      }
    }
    return null;
  }

  private static boolean present(String className) {
    try {
      Class.forName(className, false, ClientAddress.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
