package org.codomyrmex.tracing.jaxrs;

/** OpenTelemetry HTTP semantic-convention attribute names used by the filters. */
final class HttpAttributes {
  static final String REQUEST_METHOD = "http.request.method";
  static final String RESPONSE_STATUS = "http.response.status_code";
  static final String ROUTE = "http.route";
  static final String URL_PATH = "url.path";
  static final String URL_QUERY = "url.query";
  static final String URL_SCHEME = "url.scheme";
  static final String URL_FULL = "url.full";
  static final String SERVER_ADDRESS = "server.address";
  static final String SERVER_PORT = "server.port";
  static final String USER_AGENT = "user_agent.original";
  static final String ERROR_TYPE = "error.type";

  /** The response header that tells the caller which trace served it. */
  static final String TRACE_ID_HEADER = "X-Trace-Id";

  private HttpAttributes() {}
}
