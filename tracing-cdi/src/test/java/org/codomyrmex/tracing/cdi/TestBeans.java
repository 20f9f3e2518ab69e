package org.codomyrmex.tracing.cdi;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Stereotype;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.SpanExporter;
import org.codomyrmex.tracing.SpanKind;
import org.codomyrmex.tracing.Tracer;
import org.codomyrmex.tracing.export.InMemoryExporter;

/** The application beans the CDI tests deploy. */
final class TestBeans {
  private TestBeans() {}

  /** Every bean class of the scenarios. */
  static final Class<?>[] ALL = {
    OrderService.class,
    PlainService.class,
    SwitchedService.class,
    StereotypedService.class,
    ChildService.class,
    OtherChildService.class,
    TracerHolder.class,
    MemoryExporterProducer.class,
    RecordingExporter.class
  };

  @ApplicationScoped
  @Traced
  static class OrderService {
    @Inject SwitchedService switched;

    String place(String item) {
      return "placed " + item;
    }

    @Traced(enabled = false)
    String health() {
      return "ok";
    }

    @Traced("custom-name")
    void renamed() {}

    @Traced(kind = SpanKind.CLIENT, tracer = "payments")
    void pay() {}

    void checkout() {
      switched.on();
    }

    void fail(RuntimeException error) {
      throw error;
    }

    void failChecked(IOException error) throws IOException {
      throw error;
    }

    CompletionStage<String> async(CompletionStage<String> stage) {
      return stage;
    }
  }

  @ApplicationScoped
  static class PlainService {
    String work() {
      return "worked";
    }
  }

  @ApplicationScoped
  @Traced(enabled = false)
  static class SwitchedService {
    @Traced
    void on() {}

    void off() {}
  }

  @Stereotype
  @Traced(kind = SpanKind.PRODUCER)
  @Retention(RUNTIME)
  @Target(TYPE)
  @interface Messaging {}

  @ApplicationScoped
  @Messaging
  static class StereotypedService {
    void send() {}
  }

  abstract static class BaseService {
    String inherited() {
      return getClass().getName();
    }
  }

  @ApplicationScoped
  @Traced
  static class ChildService extends BaseService {}

  @ApplicationScoped
  @Traced
  static class OtherChildService extends BaseService {}

  /** Holds the injection points: a bean, so that the extensions see its {@code @TracerName}. */
  @ApplicationScoped
  static class TracerHolder {
    @Inject Tracer tracer;

    @Inject
    @TracerName("payments")
    Tracer payments;

    Tracer tracer() {
      return tracer;
    }

    Tracer payments() {
      return payments;
    }

    void flush() {
      tracer.flush();
      payments.flush();
    }
  }

  @ApplicationScoped
  static class MemoryExporterProducer {
    @Produces
    @Singleton
    InMemoryExporter memory() {
      return new InMemoryExporter();
    }
  }

  /** A second exporter bean that logs, in order, what reached it and when it was destroyed. */
  @ApplicationScoped
  static class RecordingExporter implements SpanExporter {
    static final List<String> LOG = new ArrayList<>();
    static final List<Span> SPANS = new ArrayList<>();

    @Override
    public void export(Collection<Span> spans) {
      synchronized (LOG) {
        LOG.add("export " + spans.size());
        SPANS.addAll(spans);
      }
    }

    @PreDestroy
    void destroyed() {
      synchronized (LOG) {
        LOG.add("destroyed");
      }
    }

    static void reset() {
      synchronized (LOG) {
        LOG.clear();
        SPANS.clear();
      }
    }

    static List<String> log() {
      synchronized (LOG) {
        return List.copyOf(LOG);
      }
    }

    static List<Span> spans() {
      synchronized (LOG) {
        return List.copyOf(SPANS);
      }
    }
  }
}
