package org.codomyrmex.tracing.it.quarkus;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.Tracer;
import org.codomyrmex.tracing.Tracers;
import org.codomyrmex.tracing.it.app.AsyncEventResource;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;

/**
 * Work handed to MicroProfile Context Propagation on Quarkus: the injected {@code ManagedExecutor},
 * and a {@code ThreadContext} proxy run on a plain single-thread pool that a second, plain task
 * then inspects; and an async CDI event delivered on the {@code ManagedExecutor}.
 */
@Path("/quarkus-work")
@ApplicationScoped
public class ManagedExecutorResource {
  private static final long TIMEOUT_SECONDS = 20;
  private final ExecutorService single = Executors.newSingleThreadExecutor();

  @Inject Tracer tracer;
  @Inject ManagedExecutor executor;
  @Inject ThreadContext threadContext;
  @Inject AsyncEventResource events;

  /** A task on the injected {@code ManagedExecutor}. */
  @GET
  @Path("managed-executor")
  @Produces(MediaType.TEXT_PLAIN)
  public String managedExecutor() throws Exception {
    return afterwards(executor.submit(task("managed-task")));
  }

  /** A {@code ThreadContext} proxy that leaves a span open, then what the pool thread carries. */
  @GET
  @Path("thread-context")
  @Produces(MediaType.TEXT_PLAIN)
  public String threadContext() throws Exception {
    Callable<String> task = task("contextual-task");
    Callable<String> leavingASpanOpen =
        () -> {
          String parent = task.call();
          tracer.span("left-open"); // never closed: the context must still be put back
          return parent;
        };
    String answer = afterwards(single.submit(threadContext.contextualCallable(leavingASpanOpen)));
    Callable<String> probe = () -> Tracers.currentSpan().map(Span::name).orElse("none");
    return answer + " pool=" + single.submit(probe).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  /** An async CDI event fired with {@code NotificationOptions.ofExecutor(executor)}. */
  @GET
  @Path("event")
  @Produces(MediaType.TEXT_PLAIN)
  public String event() throws Exception {
    return events.withExecutor(executor);
  }

  @PreDestroy
  void stop() {
    single.shutdownNow();
  }

  private Callable<String> task(String name) {
    return () -> {
      try (Span span = tracer.span(name)) {
        return String.valueOf(span.parentSpanId());
      }
    };
  }

  private static String afterwards(Future<String> task) throws Exception {
    Span server = Tracers.currentSpan().orElse(null);
    String parent = task.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    boolean kept = server != null && Tracers.currentSpan().orElse(null) == server;
    return "parent=" + parent + " request=" + (kept ? "kept" : "changed");
  }
}
