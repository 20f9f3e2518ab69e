package org.codomyrmex.tracing.export;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.SpanStatus;
import org.codomyrmex.tracing.Tracer;
import org.codomyrmex.tracing.bench.OtelCountingExporter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What encoding one OTLP request costs per span, this library against the OpenTelemetry SDK's own
 * exporter code, in one run: a batch of 512 JAX-RS server spans (eight HTTP attributes each) as
 * this library's JSON (with and without its gzip) and protobuf, and as the SDK's protobuf ({@code
 * TraceRequestMarshaler}, what the agent's and SmallRye's OTLP exporters send). It lives in the
 * exporters' package to call their encoders without the network.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar OtlpEncodingBenchmark -prof gc
 * }</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@OperationsPerInvocation(OtlpEncodingBenchmark.BATCH)
@State(Scope.Benchmark)
public class OtlpEncodingBenchmark {
  static final int BATCH = 512;
  private List<Span> ours;
  private List<SpanData> theirs;

  /** Records the same batch with this library and with the OpenTelemetry SDK. */
  @Setup(Level.Trial)
  public void record() {
    ours = recordOurs();
    theirs = recordTheirs();
    System.out.printf(
        "%nbytes per span: ours JSON %d, JSON gzip %d, protobuf %d; SDK protobuf %d%n",
        oursJson().length / BATCH,
        oursJsonGzip().length / BATCH,
        oursProtobuf().length / BATCH,
        sdkBytes() / BATCH);
  }

  private int sdkBytes() {
    try {
      return sdkProtobuf().length;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** This library's default: OTLP JSON. */
  @Benchmark
  public byte[] oursJson() {
    return OtlpJson.encode(ours, Map.of());
  }

  /** This library's default on the wire: OTLP JSON, gzip at the fastest level. */
  @Benchmark
  public byte[] oursJsonGzip() {
    return HttpSender.gzip(OtlpJson.encode(ours, Map.of()));
  }

  /** This library with {@code tracing.exporter.otlp.protocol=http/protobuf}. */
  @Benchmark
  public byte[] oursProtobuf() {
    return OtlpProtobuf.encode(ours, Map.of());
  }

  /** The OpenTelemetry SDK's OTLP exporter: marshal the request, write it out. */
  @Benchmark
  public byte[] sdkProtobuf() throws IOException {
    TraceRequestMarshaler request = TraceRequestMarshaler.create(theirs);
    ByteArrayOutputStream out = new ByteArrayOutputStream(request.getBinarySerializedSize());
    request.writeBinaryTo(out);
    return out.toByteArray();
  }

  private static List<Span> recordOurs() {
    List<Span> spans = Collections.synchronizedList(new ArrayList<>());
    Tracer tracer = Tracer.create("bench", spans::addAll);
    for (int i = 0; i < BATCH; i++) {
      Span span =
          tracer.startSpan("GET /api/hello", org.codomyrmex.tracing.SpanKind.SERVER, null, null);
      span.setAttribute("http.request.method", "GET");
      span.setAttribute("url.path", "/api/hello");
      span.setAttribute("http.route", "/api/hello");
      span.setAttribute("url.scheme", "http");
      span.setAttribute("server.address", "127.0.0.1");
      span.setAttribute("server.port", 8080L);
      span.setAttribute("user_agent.original", "wrk/4.1.0");
      span.setAttribute("http.response.status_code", 200L);
      span.setStatus(SpanStatus.UNSET);
      span.finish();
    }
    tracer.flush();
    tracer.shutdown();
    return List.copyOf(spans);
  }

  private static List<SpanData> recordTheirs() {
    List<SpanData> spans = Collections.synchronizedList(new ArrayList<>());
    SdkTracerProvider provider =
        SdkTracerProvider.builder()
            .setResource(
                Resource.create(
                    io.opentelemetry.api.common.Attributes.of(
                        AttributeKey.stringKey("service.name"), "bench")))
            .addSpanProcessor(SimpleSpanProcessor.create(new OtelCountingExporter(spans)))
            .build();
    io.opentelemetry.api.trace.Tracer tracer =
        OpenTelemetrySdk.builder().setTracerProvider(provider).build().getTracer("bench");
    for (int i = 0; i < BATCH; i++) {
      tracer
          .spanBuilder("GET /api/hello")
          .setSpanKind(SpanKind.SERVER)
          .setAttribute("http.request.method", "GET")
          .setAttribute("url.path", "/api/hello")
          .setAttribute("http.route", "/api/hello")
          .setAttribute("url.scheme", "http")
          .setAttribute("server.address", "127.0.0.1")
          .setAttribute("server.port", 8080L)
          .setAttribute("user_agent.original", "wrk/4.1.0")
          .setAttribute("http.response.status_code", 200L)
          .startSpan()
          .end();
    }
    provider.shutdown().join(10, TimeUnit.SECONDS);
    return List.copyOf(spans);
  }
}
