package org.codomyrmex.tracing.ui;

import jakarta.annotation.Priority;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.codomyrmex.tracing.internal.RateLimitedLogger;

/**
 * Serves the trace viewer at {@code {application path}/tracing} ({@code tracing.ui.path}) while
 * {@code tracing.ui.enabled=true}: the page, its script and style, and its JSON under {@code
 * api/traces}. It answers before resource matching, so its requests never reach a resource method
 * and are never traced; off, it only returns.
 *
 * <pre>{@code
 * // -Dtracing.ui.enabled=true, then open http://127.0.0.1:8080/api/tracing
 * }</pre>
 */
@Provider
@PreMatching
@ConstrainedTo(RuntimeType.SERVER)
@Priority(Priorities.USER)
public final class TraceViewerFilter implements ContainerRequestFilter {
  private static final RateLimitedLogger LOG =
      new RateLimitedLogger(TraceViewerFilter.class.getName());

  private final String path;
  private final ViewerRoutes routes;

  /** Creates the filter from the configuration; a bad value fails here, naming the key. */
  public TraceViewerFilter() {
    this(ViewerConfig.load());
  }

  TraceViewerFilter(ViewerConfig config) {
    this.path = config.path();
    this.routes =
        config.enabled()
            ? new ViewerRoutes(
                config, TraceStore.shared(config.maxTraces()), ClientAddress.find()::current)
            : null;
  }

  /** Answers a request below the viewer's path; leaves every other request alone. */
  @Override
  public void filter(ContainerRequestContext request) {
    if (routes == null) {
      return;
    }
    String below = below(request.getUriInfo().getPath());
    if (below == null) {
      return;
    }
    Response response;
    try {
      response = routes.answer(request, below);
    } catch (RuntimeException e) {
      LOG.warn("trace viewer: could not answer " + path + below, e);
      response = ViewerResponses.text(Response.Status.INTERNAL_SERVER_ERROR, "trace viewer failed");
    }
    request.abortWith(response);
  }

  // The part after the viewer's path ("" or "/..."), or null for a request elsewhere.
  private String below(String requestPath) {
    String full = requestPath.startsWith("/") ? requestPath : "/" + requestPath;
    if (!full.startsWith(path)) {
      return null;
    }
    String rest = full.substring(path.length());
    return rest.isEmpty() || rest.charAt(0) == '/' ? rest : null;
  }
}
