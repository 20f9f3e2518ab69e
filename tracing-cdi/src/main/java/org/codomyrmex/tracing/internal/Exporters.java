package org.codomyrmex.tracing.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.SpanExporter;
import org.codomyrmex.tracing.export.ConsoleExporter;
import org.codomyrmex.tracing.export.HttpExporterOptions;
import org.codomyrmex.tracing.export.InMemoryExporter;
import org.codomyrmex.tracing.export.JsonLinesExporter;
import org.codomyrmex.tracing.export.OtlpHttpExporter;
import org.codomyrmex.tracing.export.ZipkinExporter;

/** Not API: builds the exporters named by {@code tracing.exporter}. */
public final class Exporters {
  private static final Object LOCK = new Object();
  private static final RateLimitedLogger LOG = new RateLimitedLogger(Exporters.class.getName());
  private static volatile Supplier<SpanExporter> override;
  private static InMemoryExporter sharedMemory;

  private Exporters() {}

  /**
   * Returns the exporter for {@code config}: the override when one is set, else the configured;
   * either way followed by the {@link SpanTap}s present.
   */
  public static SpanExporter create(TracingConfig config) {
    return withTaps(config, chosen(config));
  }

  private static SpanExporter chosen(TracingConfig config) {
    Supplier<SpanExporter> current = override;
    if (current != null) {
      return current.get();
    }
    List<SpanExporter> exporters = new ArrayList<>();
    try {
      for (String name : config.exporters()) {
        exporters.add(named(name, config));
      }
    } catch (RuntimeException e) {
      new FanOutExporter(exporters).shutdown(); // release what was opened before the bad one
      throw e;
    }
    return fanOut(exporters);
  }

  // Taps see the spans after the exporters; without one the exporter is returned unchanged.
  private static SpanExporter withTaps(TracingConfig config, SpanExporter exporter) {
    List<SpanExporter> all = new ArrayList<>(List.of(exporter));
    try {
      for (SpanTap tap : ServiceLoader.load(SpanTap.class, Exporters.class.getClassLoader())) {
        SpanExporter tapped = tap.exporterFor(config);
        if (tapped != null) {
          all.add(unowned(tapped));
        }
      }
    } catch (ServiceConfigurationError | LinkageError e) {
      LOG.warn("a span tap could not be loaded; spans go to the exporters only", e);
    }
    return fanOut(all);
  }

  /** Returns one exporter that sends every batch to each of {@code exporters}. */
  public static SpanExporter fanOut(List<SpanExporter> exporters) {
    return exporters.size() == 1 ? exporters.get(0) : new FanOutExporter(List.copyOf(exporters));
  }

  /** Returns a view of {@code target} whose shutdown does nothing: the target outlives tracers. */
  public static SpanExporter unowned(SpanExporter target) {
    return new Unowned(target);
  }

  /** Makes tracers created from now on export to {@code supplier}'s exporter. */
  public static void override(Supplier<SpanExporter> supplier) {
    override = supplier;
  }

  /** Goes back to the configured exporters. */
  public static void clearOverride() {
    override = null;
  }

  /** Returns the process-wide buffer that {@code tracing.exporter=memory} writes to. */
  public static InMemoryExporter sharedMemory() {
    synchronized (LOCK) {
      if (sharedMemory == null) {
        sharedMemory = new InMemoryExporter(TracingConfig.load().memoryMaxSpans());
      }
      return sharedMemory;
    }
  }

  private static SpanExporter named(String name, TracingConfig config) {
    switch (name) {
      case "console":
        return new ConsoleExporter(true, null, config.resourceAttributes());
      case "memory":
        return unowned(sharedMemory());
      case "jsonl":
        return new JsonLinesExporter(config.jsonlPath(), config.resourceAttributes());
      case "zipkin":
        return new ZipkinExporter(
            config.zipkinEndpoint(), networkOptions(config, config.zipkinHeaders()));
      case "otlp":
        return new OtlpHttpExporter(
            config.otlpEndpoint(),
            networkOptions(config, config.otlpHeaders()),
            config.otlpProtobuf()
                ? OtlpHttpExporter.Encoding.PROTOBUF
                : OtlpHttpExporter.Encoding.JSON);
      case "none":
        return spans -> {};
      default:
        throw new IllegalArgumentException(
            TracingConfig.EXPORTER + ": exporter '" + name + "' is not available in this build");
    }
  }

  private static HttpExporterOptions networkOptions(TracingConfig config, SecretHeaders headers) {
    Map<String, String> values = new LinkedHashMap<>();
    headers.forEach(values::put);
    return HttpExporterOptions.defaults()
        .withHeaders(values)
        .withResourceAttributes(config.resourceAttributes())
        .withBufferMb(config.bufferMb())
        .withGzip(config.gzip())
        .withFlushTimeout(Duration.ofMillis(config.flushTimeoutMs()));
  }

  // Shared exporters (the memory buffer, CDI beans) must outlive each tracer that shuts down.
  private static final class Unowned implements SpanExporter {
    private final SpanExporter target;

    Unowned(SpanExporter target) {
      this.target = target;
    }

    @Override
    public void export(Collection<Span> spans) {
      target.export(spans);
    }

    @Override
    public boolean flush(Duration timeout) {
      return target.flush(timeout);
    }
  }
}
