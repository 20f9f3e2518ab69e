package org.codomyrmex.tracing.it;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.WebTarget;
import java.util.concurrent.TimeUnit;
import org.codomyrmex.tracing.jaxrs.TracingClientFeature;

/** The frontend's traced client to the backend. */
@ApplicationScoped
public class Downstream {
  private final Client client =
      ClientBuilder.newBuilder()
          .register(TracingClientFeature.class)
          .connectTimeout(2, TimeUnit.SECONDS)
          .readTimeout(5, TimeUnit.SECONDS)
          .build();

  /** A target under the backend's base URL. */
  public WebTarget backend(String path) {
    return client.target(System.getProperty(Services.BACKEND_URL)).path(path);
  }

  /** A target on a loopback port nobody listens on. */
  public WebTarget nowhere(int port) {
    return client.target("http://127.0.0.1:" + port + "/nothing");
  }

  @PreDestroy
  void close() {
    client.close();
  }
}
