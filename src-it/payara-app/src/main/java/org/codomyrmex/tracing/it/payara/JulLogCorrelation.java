package org.codomyrmex.tracing.it.payara;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import org.codomyrmex.tracing.logging.TraceIdFormatter;

/**
 * Payara logs through java.util.logging, configured before the application loads: as docs/logs.md
 * says, the application wraps the root handlers' formatters once it starts.
 */
@ApplicationScoped
public class JulLogCorrelation {

  void wrapRootHandlers(@Observes @Initialized(ApplicationScoped.class) Object started) {
    TraceIdFormatter.wrapRootHandlers();
  }
}
