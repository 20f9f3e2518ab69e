package org.codomyrmex.tracing.ui;

import jakarta.ws.rs.core.Response;

/** The viewer's responses, each with headers that keep a browser from running or loading more. */
final class ViewerResponses {
  // Scripts, styles and fetches from the viewer's own origin only; no inline script, no frames.
  private static final String POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
          + "img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private ViewerResponses() {}

  static Response html(String page) {
    return secured(Response.ok(page, "text/html; charset=utf-8"));
  }

  static Response json(Response.Status status, String json) {
    return secured(Response.status(status).entity(json).type("application/json; charset=utf-8"));
  }

  static Response text(Response.Status status, String text) {
    return secured(Response.status(status).entity(text).type("text/plain; charset=utf-8"));
  }

  static Response asset(ViewerAssets.Asset asset) {
    return secured(Response.ok(asset.bytes(), asset.type()));
  }

  static Response methodNotAllowed() {
    return secured(
        Response.status(Response.Status.METHOD_NOT_ALLOWED)
            .header("Allow", "GET, HEAD")
            .entity("the trace viewer is read-only")
            .type("text/plain; charset=utf-8"));
  }

  private static Response secured(Response.ResponseBuilder builder) {
    return builder
        .header("Content-Security-Policy", POLICY)
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "no-referrer")
        .header("Cache-Control", "no-store")
        .build();
  }
}
