package org.codomyrmex.tracing.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Providers;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.List;
import org.codomyrmex.tracing.Scope;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.SpanKind;
import org.codomyrmex.tracing.SpanStatus;
import org.codomyrmex.tracing.Tracer;
import org.codomyrmex.tracing.Tracers;
import org.codomyrmex.tracing.export.InMemoryExporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The end-exactly-once and thread bookkeeping of one server request. */
class ServerSpanTest {
  private final InMemoryExporter exported = new InMemoryExporter();
  private final Tracer tracer = Tracer.create("server-span-test", exported);

  @AfterEach
  void shutdown() {
    tracer.shutdown();
  }

  /** The mapper lookup of a runtime whose only mapper handles IllegalArgumentException. */
  private static final class OneMapper implements Providers {
    @Override
    @SuppressWarnings("unchecked")
    public <T extends Throwable> ExceptionMapper<T> getExceptionMapper(Class<T> type) {
      return IllegalArgumentException.class.isAssignableFrom(type)
          ? (ExceptionMapper<T>) (ExceptionMapper<Throwable>) e -> null
          : null;
    }

    @Override
    public <T> MessageBodyReader<T> getMessageBodyReader(
        Class<T> type, Type generic, Annotation[] annotations, MediaType mediaType) {
      return null;
    }

    @Override
    public <T> MessageBodyWriter<T> getMessageBodyWriter(
        Class<T> type, Type generic, Annotation[] annotations, MediaType mediaType) {
      return null;
    }

    @Override
    public <T> ContextResolver<T> getContextResolver(Class<T> contextType, MediaType mediaType) {
      return null;
    }
  }

  private ServerSpan request() {
    return new ServerSpan(tracer.startSpan("GET /x", SpanKind.SERVER), null, new OneMapper());
  }

  private List<Span> exportedSpans() {
    tracer.flush();
    return exported.getSpans();
  }

  @Test
  void anUnmappedExceptionEndsTheSpanAtOnceAndOnlyOnce() {
    ServerSpan request = request();
    request.failed(new IllegalStateException("boom"));
    request.responded(500); // a default mapper's response arriving later changes nothing
    List<Span> spans = exportedSpans();
    assertThat(spans).hasSize(1);
    Span span = spans.get(0);
    assertThat(span.status()).isEqualTo(SpanStatus.ERROR);
    assertThat(span.attributes()).containsEntry("http.response.status_code", 500L);
    assertThat(span.events()).extracting(Span.Event::name).containsExactly("exception");
  }

  @Test
  void aMappedExceptionWaitsForTheMappersStatus() {
    ServerSpan request = request();
    request.failed(new IllegalArgumentException("bad"));
    assertThat(request.span().isFinished()).isFalse();
    request.responded(400);
    Span span = exportedSpans().get(0);
    assertThat(span.status()).isEqualTo(SpanStatus.UNSET);
    assertThat(span.attributes()).containsEntry("http.response.status_code", 400L);
    assertThat(span.events()).isEmpty();
  }

  @Test
  void aWebApplicationExceptionCarriesItsOwnResponse() {
    ServerSpan request = request();
    request.failed(new NotFoundException());
    assertThat(request.span().isFinished()).isFalse();
    request.responded(404);
    assertThat(exportedSpans()).hasSize(1);
  }

  @Test
  void enterHidesAndExitRestoresWhatTheThreadHad() {
    Span stale = tracer.startSpan("stale");
    try (Scope ignored = stale.makeCurrent()) {
      ServerSpan request = request();
      request.enter(Tracers.clearCurrent());
      assertThat(Tracers.currentSpan()).contains(request.span());
      assertThat(ServerSpan.active()).isSameAs(request);
      request.exit();
      request.exit(); // idempotent
      assertThat(Tracers.currentSpan()).contains(stale);
      assertThat(ServerSpan.active()).isNull();
    }
  }

  @Test
  void aThreadThatCarriedNothingIsLeftWithNothing() {
    ServerSpan request = request();
    request.enter(ServerSpan.NOTHING_CLEARED); // what the filter passes when nothing was current
    assertThat(Tracers.currentSpan()).contains(request.span());
    request.exit();
    assertThat(Tracers.currentSpan()).isEmpty();
    assertThat(ServerSpan.active()).isNull();
  }

  @Test
  void aRequestNeverExitedIsExitedByTheNextOne() {
    ServerSpan abandoned = request();
    abandoned.enter(Tracers.clearCurrent());
    ServerSpan.exitStale();
    assertThat(Tracers.currentSpan()).isEmpty();
    assertThat(ServerSpan.active()).isNull();
  }

  @Test
  void exitOnAnotherThreadDoesNothing() throws Exception {
    ServerSpan request = request();
    request.enter(Tracers.clearCurrent());
    Thread other = new Thread(request::exit);
    other.start();
    other.join(5_000);
    assertThat(Tracers.currentSpan()).contains(request.span());
    request.exit();
    assertThat(Tracers.currentSpan()).isEmpty();
  }
}
