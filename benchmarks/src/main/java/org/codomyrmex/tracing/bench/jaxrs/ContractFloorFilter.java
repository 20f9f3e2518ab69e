package org.codomyrmex.tracing.bench.jaxrs;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import org.codomyrmex.tracing.SpanContext;
import org.codomyrmex.tracing.internal.Propagation;

/**
 * A control for {@link JaxRsPhasedBenchmark}: what the contract has the runtime do for a traced
 * request, without a span. On {@code /api/hello} it reads the incoming {@code X-Trace-Id} through
 * the library's propagation, sets a request property, and writes a constant {@code X-Trace-Id}
 * response header; with the tracing filter told to skip both paths ({@code -Dbench.skip}, as in the
 * {@code benchmarks/jaxrs-phased.sh} command of the README) and the resource still intercepted, the
 * traced phase costs what the runtime's part of the contract costs. Enabled by {@code
 * -Dbench.floor=true}.
 */
@Priority(Priorities.AUTHENTICATION - 100) // where the tracing filter runs
public class ContractFloorFilter implements ContainerRequestFilter, ContainerResponseFilter {
  /** Set to {@code true} to register this filter in {@link BenchApplication}. */
  static final String ENABLED_PROPERTY = "bench.floor";

  private static final String PROPERTY = ContractFloorFilter.class.getName();
  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getUriInfo().getPath(false).endsWith("hello")) {
      Propagation.X_TRACE.extract(request::getHeaderString);
      request.setProperty(PROPERTY, TRACE_ID);
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(PROPERTY) instanceof String traceId) {
      response.getHeaders().putSingle(SpanContext.TRACE_ID_HEADER, traceId);
    }
  }
}
