package org.codomyrmex.tracing.it.app;

import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.concurrent.ContextServiceDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.Tracer;
import org.codomyrmex.tracing.Tracers;

/**
 * Work handed to Jakarta Concurrency (WildFly and Payara): each endpoint runs a task that makes a
 * span named after it, and answers what the request thread and the pool thread carried afterwards.
 *
 * <p>Resources are looked up by name rather than injected, so that Quarkus, which has no Jakarta
 * Concurrency, still deploys the class (and never calls it).
 */
@Path("/async-work")
@RequestScoped
@ContextServiceDefinition(name = AsyncWorkResource.TRACED_CONTEXT)
@ContextServiceDefinition(name = AsyncWorkResource.UNTRACED_CONTEXT, cleared = "Tracing")
@ContextServiceDefinition(name = AsyncWorkResource.TRACING_UNCHANGED, unchanged = "Tracing")
@ManagedExecutorDefinition(
    name = AsyncWorkResource.UNTRACED_EXECUTOR,
    context = AsyncWorkResource.UNTRACED_CONTEXT,
    maxAsync = 2)
@ManagedExecutorDefinition(
    name = AsyncWorkResource.SINGLE_THREAD_EXECUTOR,
    context = AsyncWorkResource.TRACING_UNCHANGED,
    maxAsync = 1)
public class AsyncWorkResource {
  static final String TRACED_CONTEXT = "java:app/concurrent/TracedContext";
  static final String UNTRACED_CONTEXT = "java:app/concurrent/UntracedContext";
  static final String TRACING_UNCHANGED = "java:app/concurrent/TracingUnchangedContext";
  static final String UNTRACED_EXECUTOR = "java:app/concurrent/UntracedExecutor";
  // Tasks on it see whatever the pool thread has current: how a leftover span would show.
  static final String SINGLE_THREAD_EXECUTOR = "java:app/concurrent/SingleThreadExecutor";
  private static final long TIMEOUT_SECONDS = 20;

  @Inject Tracer tracer;
  @Inject AsynchronousWorker worker;

  /** A task on {@code java:comp/DefaultManagedExecutorService}. */
  @GET
  @Path("default-executor")
  @Produces(MediaType.TEXT_PLAIN)
  public String defaultExecutor() throws Exception {
    ExecutorService executor = lookup("java:comp/DefaultManagedExecutorService");
    return afterwards(executor.submit(task("managed-task")));
  }

  /** A task on {@code java:comp/DefaultManagedScheduledExecutorService}, 10 ms later. */
  @GET
  @Path("scheduled")
  @Produces(MediaType.TEXT_PLAIN)
  public String scheduled() throws Exception {
    ScheduledExecutorService executor = lookup("java:comp/DefaultManagedScheduledExecutorService");
    return afterwards(executor.schedule(task("scheduled-task"), 10, TimeUnit.MILLISECONDS));
  }

  /** A {@code @jakarta.enterprise.concurrent.Asynchronous} bean method. */
  @GET
  @Path("asynchronous")
  @Produces(MediaType.TEXT_PLAIN)
  public String asynchronous() throws Exception {
    return afterwards(worker.work("asynchronous-task"));
  }

  /**
   * A contextual proxy of {@link #TRACED_CONTEXT} run on the single-thread executor that leaves
   * {@code Tracing} unchanged; the task leaves a span open. A second, plain task then reports what
   * that pool thread has current.
   */
  @GET
  @Path("contextual")
  @Produces(MediaType.TEXT_PLAIN)
  public String contextual() throws Exception {
    ContextService context = lookup(TRACED_CONTEXT);
    Callable<String> proxy = context.contextualCallable(leavingASpanOpen(task("contextual-task")));
    ExecutorService single = lookup(SINGLE_THREAD_EXECUTOR);
    return afterwards(single.submit(proxy)) + " pool=" + poolThreadCarries(single);
  }

  /** {@code ManagedExecutorService.supplyAsync} on the default managed executor. */
  @GET
  @Path("supply-async")
  @Produces(MediaType.TEXT_PLAIN)
  public String supplyAsync() throws Exception {
    ManagedExecutorService executor = lookup("java:comp/DefaultManagedExecutorService");
    return afterwards(executor.supplyAsync(() -> spanParent("supplied-task")));
  }

  /**
   * An async stage of {@link #TRACED_CONTEXT}'s {@code withContextCapture}, made on the request
   * thread. The future it depends on is completed by a task of the executor that clears {@code
   * Tracing}, so the stage is handed to the pool from a thread without a span: it has the request's
   * span only if the stage captured it when it was made. (Not {@code
   * java:comp/DefaultContextService}: Payara's leaves third-party context types unchanged.)
   */
  @GET
  @Path("context-capture")
  @Produces(MediaType.TEXT_PLAIN)
  public String contextCapture() throws Exception {
    ContextService context = lookup(TRACED_CONTEXT);
    CompletableFuture<Void> trigger = new CompletableFuture<>();
    CompletableFuture<String> stage =
        context.withContextCapture(trigger).thenApplyAsync(none -> spanParent("captured-stage"));
    ExecutorService untraced = lookup(UNTRACED_EXECUTOR);
    untraced.submit(() -> trigger.complete(null));
    return afterwards(stage);
  }

  /** A task on the executor whose context service clears {@code Tracing}. */
  @GET
  @Path("untraced")
  @Produces(MediaType.TEXT_PLAIN)
  public String untraced() throws Exception {
    String callerTrace = Tracers.currentSpan().map(Span::traceId).orElse("none");
    ExecutorService executor = lookup(UNTRACED_EXECUTOR);
    Callable<String> task =
        () -> {
          try (Span span = tracer.span("untraced-task")) {
            span.setAttribute("caller.trace_id", callerTrace);
            return String.valueOf(span.parentSpanId());
          }
        };
    return afterwards(executor.submit(task));
  }

  private Callable<String> task(String name) {
    return () -> spanParent(name);
  }

  // Makes and ends a span named name; returns its parent's id.
  private String spanParent(String name) {
    try (Span span = tracer.span(name)) {
      return String.valueOf(span.parentSpanId());
    }
  }

  private Callable<String> leavingASpanOpen(Callable<String> task) {
    return () -> {
      String parent = task.call();
      tracer.span("left-open"); // never closed: the context must still be put back
      return parent;
    };
  }

  // Waits for the task; says whether the request thread still has its server span current.
  private String afterwards(Future<String> task) throws Exception {
    Span server = Tracers.currentSpan().orElse(null);
    String parent = task.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    boolean kept = server != null && Tracers.currentSpan().orElse(null) == server;
    return "parent=" + parent + " request=" + (kept ? "kept" : "changed");
  }

  private static String poolThreadCarries(ExecutorService single) throws Exception {
    Callable<String> probe = () -> Tracers.currentSpan().map(Span::name).orElse("none");
    return single.submit(probe).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  @SuppressWarnings("unchecked") // the caller names the type the runtime binds
  private static <T> T lookup(String name) throws NamingException {
    return (T) InitialContext.doLookup(name);
  }
}
