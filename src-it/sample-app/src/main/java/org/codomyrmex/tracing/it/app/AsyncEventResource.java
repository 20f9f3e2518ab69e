package org.codomyrmex.tracing.it.app;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.naming.InitialContext;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.Tracers;

/**
 * Async CDI events fired inside the request's span ({@link AsyncEventObserver} observes them); each
 * endpoint waits for delivery and answers {@code parent=<observer span's parent>
 * request=<kept|changed> thread=<observer's thread>[ pool=<span the pool thread has current>]}.
 */
@Path("/async-events")
@ApplicationScoped
public class AsyncEventResource {
  private static final long TIMEOUT_SECONDS = 10;
  private final ExecutorService single = Executors.newSingleThreadExecutor();

  @Inject Event<WorkAnnounced> event;

  /** {@code fireAsync(event)}: delivered on the runtime's own executor. */
  @GET
  @Path("default")
  @Produces(MediaType.TEXT_PLAIN)
  public String withoutExecutor() throws Exception {
    WorkAnnounced announced = announcement();
    return delivered(announced, event.fireAsync(announced));
  }

  /** {@code fireAsync(event, ofExecutor(Tracers.wrap(pool)))}, then what that pool thread has. */
  @GET
  @Path("wrapped")
  @Produces(MediaType.TEXT_PLAIN)
  public String withWrappedExecutor() throws Exception {
    return withExecutor(Tracers.wrap(single)) + " pool=" + poolThreadCarries();
  }

  /** {@code fireAsync(event, ofExecutor(java:comp/DefaultManagedExecutorService))}. */
  @GET
  @Path("managed")
  @Produces(MediaType.TEXT_PLAIN)
  public String withManagedExecutor() throws Exception {
    Executor executor = InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
    return withExecutor(executor);
  }

  /** Fires the event inside the current span with {@code executor}, waits and answers. */
  public String withExecutor(Executor executor) throws Exception {
    WorkAnnounced announced = announcement();
    return delivered(
        announced, event.fireAsync(announced, NotificationOptions.ofExecutor(executor)));
  }

  @PreDestroy
  void stop() {
    single.shutdownNow();
  }

  private static WorkAnnounced announcement() {
    return new WorkAnnounced(Tracers.currentSpan().map(Span::traceId).orElse("none"));
  }

  // Waits for the observer; says whether the request thread still has its server span current.
  private static String delivered(WorkAnnounced announced, CompletionStage<WorkAnnounced> stage)
      throws Exception {
    Span server = Tracers.currentSpan().orElse(null);
    stage.toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    boolean kept = server != null && Tracers.currentSpan().orElse(null) == server;
    return "parent="
        + announced.observedParent()
        + " request="
        + (kept ? "kept" : "changed")
        + " thread="
        + announced.observedOnThread();
  }

  private String poolThreadCarries() throws Exception {
    return single
        .submit(() -> Tracers.currentSpan().map(Span::name).orElse("none"))
        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }
}
