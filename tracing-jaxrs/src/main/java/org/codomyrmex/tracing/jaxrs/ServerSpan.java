package org.codomyrmex.tracing.jaxrs;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.CompletionCallback;
import jakarta.ws.rs.ext.Providers;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.codomyrmex.tracing.Scope;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.SpanStatus;

/**
 * The state of one traced server request: its span, the scopes that made it current on the request
 * thread, and what the resource method threw.
 *
 * <p>The span ends exactly once: in the response filter, or for {@link AsyncResponse} resources
 * when the response has been sent, or at once for an exception that no mapper will turn into a
 * response (the runtime then skips response filters).
 */
final class ServerSpan {
  static final String PROPERTY = ServerSpan.class.getName();

  /** What {@link #enter} gets when the thread carried no span: nothing to hide or restore. */
  static final Scope NOTHING_CLEARED = () -> {};

  private static final ThreadLocal<ServerSpan> ACTIVE = new ThreadLocal<>();
  private static final int UNKNOWN = -1;
  private static final VarHandle ENDED;

  static {
    try {
      ENDED = MethodHandles.lookup().findVarHandle(ServerSpan.class, "ended", boolean.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final Span span;
  private final Method resourceMethod;
  private final Providers providers;

  @SuppressWarnings("unused") // through ENDED: one object less per request than an AtomicBoolean
  private volatile boolean ended;

  private Thread thread;
  private Scope cleared;
  private Scope current;
  private boolean inMethod;
  private volatile Throwable error;
  private volatile int status = UNKNOWN;
  private volatile boolean awaitCallback;

  ServerSpan(Span span, Method resourceMethod, Providers providers) {
    this.span = span;
    this.resourceMethod = resourceMethod;
    this.providers = providers;
  }

  /** Returns the request entered on this thread and not exited yet, or null. */
  static ServerSpan active() {
    return ACTIVE.get();
  }

  /**
   * Exits a request this thread entered but never exited (an async or failing resource that is no
   * CDI bean), so the pooled thread starts the next request clean.
   */
  static void exitStale() {
    ServerSpan stale = ACTIVE.get();
    if (stale != null) {
      stale.exit();
    }
  }

  Span span() {
    return span;
  }

  /** Makes the span current on this thread, hiding whatever a pooled thread carried. */
  void enter(Scope clearedScope) {
    thread = Thread.currentThread();
    cleared = clearedScope;
    current = span.makeCurrent();
    ACTIVE.set(this);
  }

  /** Restores what was current before {@link #enter}; only on the entering thread, once. */
  void exit() {
    if (thread != Thread.currentThread() || current == null) {
      return;
    }
    current.close();
    cleared.close();
    current = null;
    ACTIVE.set(null); // not remove(): the thread keeps its entry for the next request
  }

  /** Exits unless the resource method is still running (an async resource resumed inline). */
  void exitOutsideInvocation() {
    if (!inMethod) {
      exit();
    }
  }

  /** True for the outermost call of the matched resource method (not locators or helpers). */
  boolean beginInvocation(Method method) {
    if (inMethod || !sameMethod(method)) {
      return false;
    }
    inMethod = true;
    return true;
  }

  /** Ends what a successful {@link #beginInvocation} began. */
  void endInvocation() {
    inMethod = false;
  }

  private boolean sameMethod(Method method) {
    return resourceMethod != null
        && (resourceMethod.equals(method)
            || resourceMethod.getName().equals(method.getName())
                && Arrays.equals(resourceMethod.getParameterTypes(), method.getParameterTypes()));
  }

  /** Lets an {@link AsyncResponse} parameter end the span once the response has been sent. */
  void watch(Object[] parameters) {
    for (Object parameter : parameters) {
      if (parameter instanceof AsyncResponse async) {
        awaitCallback = true;
        async.register((CompletionCallback) this::completed);
        return;
      }
    }
  }

  /** Records the failure of a returned stage before the runtime maps it. */
  Object watch(Object result, Class<?> declaredType) {
    if (!(result instanceof CompletionStage<?> stage)) {
      return result;
    }
    CompletionStage<?> watched = stage.whenComplete((value, failure) -> failed(unwrap(failure)));
    // Hand the runtime our stage so the failure is recorded before it maps it, if types allow.
    return declaredType.isInstance(watched) ? watched : result;
  }

  /** Notes what the resource method threw; ends the span now if no mapper will handle it. */
  void failed(Throwable failure) {
    if (failure == null) {
      return;
    }
    error = failure;
    if (!mapped(failure)) {
      status = 500;
      end();
    }
  }

  /** Called by the response filter with the status the client gets. */
  void responded(int responseStatus) {
    status = responseStatus;
    if (!awaitCallback) {
      end();
    }
  }

  /** Called once the runtime has sent the response; ends the span if nothing else did. */
  void sent(int responseStatus) {
    if (status == UNKNOWN) {
      status = responseStatus;
    }
    end();
  }

  private void completed(Throwable unmapped) {
    if (unmapped != null && error == null) {
      error = unmapped;
    }
    if (status == UNKNOWN) {
      status = 500; // the response filter never ran: the container answers 500
    }
    end();
  }

  private boolean mapped(Throwable failure) {
    if (failure instanceof WebApplicationException || providers == null) {
      return true;
    }
    try {
      return providers.getExceptionMapper(failure.getClass()) != null;
    } catch (RuntimeException e) {
      return true; // no request context on this thread: leave it to the response filter
    }
  }

  private void end() {
    if (!ENDED.compareAndSet(this, false, true)) {
      return;
    }
    int code = status;
    span.setAttribute(HttpAttributes.RESPONSE_STATUS, HttpAttributes.statusCode(code));
    if (code >= 500) {
      markError(code);
    }
    span.finish();
  }

  private void markError(int code) {
    Throwable failure = error;
    if (failure != null) {
      span.setAttribute(HttpAttributes.ERROR_TYPE, failure.getClass().getName());
      span.recordException(failure);
    } else {
      span.setAttribute(HttpAttributes.ERROR_TYPE, Integer.toString(code));
      span.setStatus(SpanStatus.ERROR, "HTTP " + code);
    }
  }

  private static Throwable unwrap(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
  }
}
