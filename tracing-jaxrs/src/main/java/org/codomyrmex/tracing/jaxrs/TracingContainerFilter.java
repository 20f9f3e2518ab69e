package org.codomyrmex.tracing.jaxrs;

import jakarta.annotation.Priority;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.codomyrmex.tracing.Scope;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.SpanContext;
import org.codomyrmex.tracing.SpanKind;
import org.codomyrmex.tracing.Tracer;
import org.codomyrmex.tracing.Tracers;
import org.codomyrmex.tracing.internal.Propagation;
import org.codomyrmex.tracing.internal.TracingConfig;
import org.codomyrmex.tracing.jaxrs.RouteTemplates.Route;

/**
 * Gives every request to a resource method one SERVER span named {@code {METHOD} {route}}.
 *
 * <p>Registered without application code: through RESTEasy's provider services file, by servers
 * that scan for {@code @Provider}, and through {@link TracingServerFeature} where the runtime loads
 * features as services (Jersey, Jakarta REST 3.1). The span continues a valid incoming {@code
 * X-Trace-Id}/{@code X-Span-Id}, is current inside the resource method, and the response carries
 * {@code X-Trace-Id}.
 *
 * <pre>{@code
 * // nothing to write: with tracing-jaxrs on the classpath
 * // GET /api/orders/42  ->  span "GET /api/orders/{id}", header X-Trace-Id
 * }</pre>
 */
@Provider
@ConstrainedTo(RuntimeType.SERVER)
@Priority(Priorities.AUTHENTICATION - 100)
public final class TracingContainerFilter
    implements ContainerRequestFilter, ContainerResponseFilter {
  /**
   * An {@code Application} (runtime configuration) property naming the tracer (service) of that
   * application.
   */
  public static final String SERVICE_NAME_PROPERTY = TracingConfig.SERVICE_NAME;

  private static final Logger LOG = Logger.getLogger(TracingContainerFilter.class.getName());
  private static final Object NOT_LOOKED_UP = new Object();

  private final boolean enabled;
  private final Pattern skip;
  private final Propagation propagation;
  private final String configuredName;
  private final RouteTemplates routes = new RouteTemplates();
  private volatile String serviceName;
  private volatile boolean encodedPathSupported = true;
  private volatile Long boxedPort;
  // A VertxResponseEnd where Vert.x Web serves the requests, null elsewhere, NOT_LOOKED_UP until
  // the
  // first request; typed Object so other runtimes never load the class.
  private volatile Object responseEnd =
      present("io.vertx.ext.web.RoutingContext") ? NOT_LOOKED_UP : null;

  @Context private ResourceInfo resourceInfo;
  @Context private Providers providers;
  // Configuration, not Application: Quarkus injects @Context fields as beans, and an application's
  // own Application subclass makes Application ambiguous there.
  @Context private Configuration configuration;

  /** Creates the filter from the tracing configuration; a bad value fails here, naming the key. */
  public TracingContainerFilter() {
    this(TracingConfig.load());
  }

  TracingContainerFilter(TracingConfig config) {
    this.enabled = config.enabled();
    this.skip = config.skipPattern().orElse(null);
    this.propagation = enabled ? Propagation.fromConfig(config) : null;
    this.configuredName = config.serviceName();
  }

  /** Starts the server span and makes it current on the request thread. */
  @Override
  public void filter(ContainerRequestContext request) {
    // A runtime that registered the filter twice (scanning and services) still gets one span.
    if (!enabled || request.getProperty(ServerSpan.PROPERTY) != null) {
      return;
    }
    ServerSpan.exitStale();
    UriInfo uri = request.getUriInfo();
    URI requestUri = uri.getRequestUri();
    String path = requestUri.getRawPath();
    if (skip != null && skip.matcher(path).matches()) {
      return;
    }
    Scope cleared = clearStale();
    try {
      start(request, uri, requestUri, path).enter(cleared);
    } catch (RuntimeException e) {
      cleared.close();
      LOG.log(Level.WARNING, "tracing: could not start a server span", e);
    }
  }

  // A pooled thread may still carry a stale span; usually it carries none and needs no scope.
  private static Scope clearStale() {
    return Tracers.currentSpan().isPresent() ? Tracers.clearCurrent() : ServerSpan.NOTHING_CLEARED;
  }

  private ServerSpan start(
      ContainerRequestContext request, UriInfo uri, URI requestUri, String path) {
    Method method = resourceInfo.getResourceMethod();
    String verb = request.getMethod();
    Route route = route(uri, path, method, verb);
    Optional<SpanContext> parent = propagation.extract(request::getHeaderString);
    Span span =
        tracer().startSpan(route.spanName(verb), SpanKind.SERVER, parent.orElse(null), null);
    setAttributes(span, request, requestUri, path, route.template());
    ServerSpan state = new ServerSpan(span, method, providers);
    request.setProperty(ServerSpan.PROPERTY, state);
    watchResponseEnd(state);
    return state;
  }

  // Quarkus REST runs no response filter after an unmapped exception; Vert.x tells when it
  // answered.
  private void watchResponseEnd(ServerSpan state) {
    Object end = responseEnd;
    if (end == NOT_LOOKED_UP) {
      end = VertxResponseEnd.lookUp();
      responseEnd = end;
    }
    if (end != null) {
      ((VertxResponseEnd) end).watch(state);
    }
  }

  private static boolean present(String className) {
    try {
      Class.forName(className, false, TracingContainerFilter.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** Records the status, adds {@code X-Trace-Id} and ends the span (or lets async ones end). */
  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!(request.getProperty(ServerSpan.PROPERTY) instanceof ServerSpan state)) {
      return;
    }
    try {
      response.getHeaders().putSingle(HttpAttributes.TRACE_ID_HEADER, state.span().traceId());
      state.exitOutsideInvocation();
      state.responded(response.getStatus());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "tracing: could not end a server span", e);
    }
  }

  private Route route(UriInfo uri, String path, Method method, String verb) {
    String below = encodedPathSupported ? encodedPath(uri) : null;
    Route cached = method == null ? null : routes.cached(method);
    if (cached != null && below != null && cached.serves(path, below)) {
      return cached; // the common case: no string built, the resource class not read
    }
    String base = basePath(uri, path, below);
    if (method == null) {
      return new Route(base, RouteTemplates.normalize(base + '/' + uri.getPath()), verb);
    }
    return routes.route(base, resourceInfo::getResourceClass, method, verb);
  }

  // The request path less the path below the application: no base URI parsed per request.
  private static String basePath(UriInfo uri, String path, String below) {
    if (below != null && path.endsWith(below)) {
      return path.substring(0, path.length() - below.length());
    }
    String base = uri.getBaseUri().getRawPath();
    return base == null ? "" : base;
  }

  // Quarkus REST refuses encoded paths: asked once, then the base URI is used.
  private String encodedPath(UriInfo uri) {
    try {
      return uri.getPath(false);
    } catch (RuntimeException e) {
      encodedPathSupported = false;
      return null;
    }
  }

  // Straight onto the span: no intermediate map per request.
  private void setAttributes(
      Span span, ContainerRequestContext request, URI requestUri, String path, String route) {
    span.setAttribute(HttpAttributes.REQUEST_METHOD, request.getMethod());
    span.setAttribute(HttpAttributes.URL_PATH, path);
    span.setAttribute(HttpAttributes.ROUTE, route);
    span.setAttribute(HttpAttributes.URL_SCHEME, requestUri.getScheme());
    span.setAttribute(HttpAttributes.URL_QUERY, requestUri.getRawQuery());
    span.setAttribute(HttpAttributes.SERVER_ADDRESS, requestUri.getHost());
    if (requestUri.getPort() > 0) {
      span.setAttribute(HttpAttributes.SERVER_PORT, port(requestUri.getPort()));
    }
    span.setAttribute(HttpAttributes.USER_AGENT, request.getHeaderString("User-Agent"));
  }

  // A server's port is the same on every request: boxed once, not per request.
  private Long port(int port) {
    Long boxed = boxedPort;
    if (boxed == null || boxed != port) {
      boxed = (long) port;
      boxedPort = boxed;
    }
    return boxed;
  }

  private Tracer tracer() {
    String name = serviceName;
    if (name == null) {
      name = applicationServiceName().orElse(configuredName);
      serviceName = name;
    }
    return Tracers.get(name);
  }

  // Several applications in one server may each name their own service.
  private Optional<String> applicationServiceName() {
    try {
      Object value =
          configuration == null ? null : configuration.getProperty(SERVICE_NAME_PROPERTY);
      return value instanceof String s && !s.isBlank() ? Optional.of(s.trim()) : Optional.empty();
    } catch (RuntimeException e) {
      return Optional.empty(); // no application in this context
    }
  }
}
