package org.codomyrmex.tracing.ui;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.codomyrmex.tracing.internal.RateLimitedLogger;

/**
 * What the viewer answers for a path below its own: read-only, loopback clients only by default.
 */
final class ViewerRoutes {
  private static final RateLimitedLogger LOG = new RateLimitedLogger(ViewerRoutes.class.getName());
  private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");
  private static final String API = "/api/traces";
  private static final String PAGE = "/trace/";

  private final ViewerConfig config;
  private final TraceStore store;
  private final Supplier<String> clientAddress;
  private final ViewerAssets assets = ViewerAssets.load();

  ViewerRoutes(ViewerConfig config, TraceStore store, Supplier<String> clientAddress) {
    this.config = config;
    this.store = store;
    this.clientAddress = clientAddress;
  }

  /** The response to {@code request}, whose path below the viewer's is {@code below}. */
  Response answer(ContainerRequestContext request, String below) {
    String method = request.getMethod();
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      return ViewerResponses.methodNotAllowed();
    }
    if (!config.allowRemote() && !fromLoopback()) {
      return ViewerResponses.text(
          Response.Status.FORBIDDEN,
          "The trace viewer answers loopback clients only (tracing.ui.allow-remote=false).");
    }
    return route(below, request.getUriInfo().getBaseUri().getRawPath());
  }

  private boolean fromLoopback() {
    String address = clientAddress.get();
    if (Loopback.is(address)) {
      return true;
    }
    if (LOG.permits()) {
      LOG.log(
          "trace viewer: refused a client at "
              + (address == null ? "an address this runtime does not tell" : address)
              + "; only loopback clients are answered unless tracing.ui.allow-remote=true",
          null);
    }
    return false;
  }

  private Response route(String below, String basePath) {
    if (below.isEmpty() || below.equals("/") || isTracePage(below)) {
      return ViewerResponses.html(assets.page(viewerBase(basePath)));
    }
    if (below.equals(API)) {
      return ViewerResponses.json(Response.Status.OK, TraceJson.list(store.summaries()));
    }
    if (below.startsWith(API + "/")) {
      return trace(below.substring(API.length() + 1));
    }
    return assets
        .file(below.substring(1))
        .map(ViewerResponses::asset)
        .orElseGet(() -> ViewerResponses.text(Response.Status.NOT_FOUND, "not found"));
  }

  private static boolean isTracePage(String below) {
    return below.startsWith(PAGE) && TRACE_ID.matcher(below.substring(PAGE.length())).matches();
  }

  private Response trace(String traceId) {
    Optional<TraceDetail> trace =
        TRACE_ID.matcher(traceId).matches() ? store.trace(traceId) : Optional.empty();
    return trace
        .map(detail -> ViewerResponses.json(Response.Status.OK, TraceJson.trace(detail)))
        .orElseGet(
            () ->
                ViewerResponses.json(
                    Response.Status.NOT_FOUND, TraceJson.error("no such trace is kept")));
  }

  // The viewer's own path as the browser sees it, ending with '/': the page's links start there.
  private String viewerBase(String basePath) {
    String base = basePath == null || basePath.isEmpty() ? "/" : basePath;
    return (base.endsWith("/") ? base : base + "/") + config.path().substring(1) + "/";
  }
}
