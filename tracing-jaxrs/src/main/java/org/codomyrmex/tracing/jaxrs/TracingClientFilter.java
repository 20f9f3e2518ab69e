package org.codomyrmex.tracing.jaxrs;

import jakarta.annotation.Priority;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.SpanKind;
import org.codomyrmex.tracing.SpanStatus;
import org.codomyrmex.tracing.Tracer;
import org.codomyrmex.tracing.Tracers;
import org.codomyrmex.tracing.internal.Propagation;
import org.codomyrmex.tracing.internal.TracingConfig;

/**
 * Starts a CLIENT span for each call (a child of the current span, not made current), sends its
 * context in the request headers and ends it with the response status; a transport failure
 * (connection refused, timeout) ends it with ERROR too. Register it through {@link
 * TracingClientFeature}.
 *
 * <pre>{@code
 * ClientBuilder.newBuilder().register(TracingClientFeature.class).build()
 *     .target("http://127.0.0.1:8080/api/orders/42").request().get();
 * }</pre>
 */
@ConstrainedTo(RuntimeType.CLIENT)
@Priority(Integer.MAX_VALUE) // last request filter: the headers reflect every other filter
public final class TracingClientFilter implements ClientRequestFilter, ClientResponseFilter {
  private static final String PROPERTY = TracingClientFilter.class.getName();

  /** A request property holding the caller's span, for runtimes that filter on other threads. */
  static final String PARENT_PROPERTY = PROPERTY + ".parent";

  private static final Logger LOG = Logger.getLogger(TracingClientFilter.class.getName());

  private final boolean enabled;
  private final Propagation propagation;

  /** Creates the filter from the tracing configuration. */
  public TracingClientFilter() {
    this(TracingConfig.load());
  }

  TracingClientFilter(TracingConfig config) {
    this.enabled = config.enabled();
    this.propagation = enabled ? Propagation.fromConfig(config) : null;
  }

  /** Starts the client span, adds the propagation headers and guards the transport. */
  @Override
  public void filter(ClientRequestContext request) {
    if (!enabled || request.getProperty(PROPERTY) != null) {
      return;
    }
    Span span;
    try {
      span = start(request);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "tracing: could not start a client span", e);
      return;
    }
    sendGuarded(request, span);
  }

  private Span start(ClientRequestContext request) {
    Span parent = parent(request);
    Tracer tracer = parent == null ? Tracers.defaultTracer() : parent.tracer();
    Map<String, Object> attributes = attributes(request, request.getUri());
    Span span =
        tracer.startSpan(
            request.getMethod(),
            SpanKind.CLIENT,
            parent == null ? null : parent.context(),
            attributes);
    request.setProperty(PROPERTY, span);
    propagation.inject(span.context(), request.getHeaders()::putSingle);
    return span;
  }

  // Where the runtime lets us, send here so that a failing transport is seen and recorded.
  private static void sendGuarded(ClientRequestContext request, Span span) {
    try {
      Response response = Transports.send(request);
      if (response != null) {
        request.abortWith(response);
      }
    } catch (ProcessingException e) {
      failed(span, e);
      throw e;
    } catch (RuntimeException | Error e) {
      failed(span, e);
      throw new ProcessingException(e);
    }
  }

  /** Ends the client span of {@code request} with {@code failure}, if it is still open. */
  static void failed(ClientRequestContext request, Throwable failure) {
    if (request.getProperty(PROPERTY) instanceof Span span) {
      failed(span, failure);
    }
  }

  private static void failed(Span span, Throwable failure) {
    Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
    span.setAttribute(HttpAttributes.ERROR_TYPE, cause.getClass().getName());
    span.recordException(failure);
    span.finish();
  }

  /** Ends the client span with the response status; ERROR from 400 on. */
  @Override
  public void filter(ClientRequestContext request, ClientResponseContext response) {
    if (!(request.getProperty(PROPERTY) instanceof Span span)) {
      return;
    }
    int status = response.getStatus();
    span.setAttribute(HttpAttributes.RESPONSE_STATUS, HttpAttributes.statusCode(status));
    if (status >= 400) {
      span.setAttribute(HttpAttributes.ERROR_TYPE, Integer.toString(status));
      span.setStatus(SpanStatus.ERROR, "HTTP " + status);
    }
    span.finish();
  }

  private static Map<String, Object> attributes(ClientRequestContext request, URI uri) {
    Map<String, Object> attributes = new HashMap<>(8);
    attributes.put(HttpAttributes.REQUEST_METHOD, request.getMethod());
    attributes.put(HttpAttributes.URL_FULL, withoutUserInfo(uri));
    if (uri.getHost() != null) {
      attributes.put(HttpAttributes.SERVER_ADDRESS, uri.getHost());
    }
    if (uri.getPort() > 0) {
      attributes.put(HttpAttributes.SERVER_PORT, (long) uri.getPort());
    }
    return attributes;
  }

  // Credentials never go into a span.
  private static String withoutUserInfo(URI uri) {
    String text = uri.toString();
    String userInfo = uri.getRawUserInfo();
    return userInfo == null ? text : text.replace(userInfo + '@', "");
  }

  // The current span; else the one the caller had when the request was built (Jersey async).
  private static Span parent(ClientRequestContext request) {
    Span current = Tracers.currentSpan().orElse(null);
    if (current == null && request.getProperty(PARENT_PROPERTY) instanceof Span captured) {
      return captured;
    }
    return current;
  }
}
