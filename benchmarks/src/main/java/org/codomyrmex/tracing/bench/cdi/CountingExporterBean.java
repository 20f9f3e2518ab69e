package org.codomyrmex.tracing.bench.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import org.codomyrmex.tracing.bench.CountingExporter;

/** An application exporter bean: the container's tracers export to it instead of the console. */
@ApplicationScoped
public class CountingExporterBean extends CountingExporter {}
