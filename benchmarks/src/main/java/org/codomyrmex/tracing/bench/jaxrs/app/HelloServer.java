package org.codomyrmex.tracing.bench.jaxrs.app;

import dev.resteasy.embedded.server.UndertowCdiEmbeddedServer;
import jakarta.ws.rs.SeBootstrap;
import java.util.concurrent.TimeUnit;

/**
 * {@link HelloApplication} on RESTEasy's {@code SeBootstrap} (Undertow, Weld SE) at 127.0.0.1 and
 * {@code -Dbench.port}: the server of one mode of the side-by-side benchmark, with only that mode's
 * tracing library on its class path. Prints {@code READY} when it listens; on SIGTERM it stops the
 * application (which shuts CDI down and with it SmallRye's SDK) and prints {@link
 * RequestCounts#report()}.
 *
 * <pre>{@code java -cp APP:LIBS -Dbench.port=8080 -Dbench.probe=none ...HelloServer}</pre>
 */
public final class HelloServer {
  // RESTEasy's SeBootstrap property that names the embedded server instance to use
  private static final String EMBEDDED_SERVER = "org.jboss.resteasy.se.embedded.server.instance";

  private HelloServer() {}

  /** Starts the server and returns; the JVM runs until it is stopped. */
  public static void main(String[] args) throws Exception {
    SeBootstrap.Configuration config =
        SeBootstrap.Configuration.builder()
            .protocol("HTTP")
            .host("127.0.0.1")
            .port(Integer.getInteger("bench.port"))
            .property(EMBEDDED_SERVER, new UndertowCdiEmbeddedServer())
            .build();
    SeBootstrap.Instance instance =
        SeBootstrap.start(new HelloApplication(), config)
            .toCompletableFuture()
            .get(60, TimeUnit.SECONDS);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(instance), "bench-stop"));
    System.out.println("READY");
  }

  private static void stop(SeBootstrap.Instance instance) {
    try {
      instance.stop().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      System.out.println("stop failed: " + e);
    }
    System.out.println(RequestCounts.report());
  }
}
