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

  // Status codes are set on every span: boxed once, not per request (Long caches only to 127).
  private static final Long[] STATUS_CODES = new Long[600];

  static {
    for (int i = 0; i < STATUS_CODES.length; i++) {
      STATUS_CODES[i] = (long) i;
    }
  }

  private HttpAttributes() {}

  /** Returns {@code code} as the Long an attribute holds, cached for HTTP status codes. */
  static Long statusCode(int code) {
    return code >= 0 && code < STATUS_CODES.length ? STATUS_CODES[code] : Long.valueOf(code);
  }
}
