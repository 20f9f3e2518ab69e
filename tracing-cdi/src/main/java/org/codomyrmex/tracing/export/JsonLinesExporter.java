package org.codomyrmex.tracing.export;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.SpanExporter;
import org.codomyrmex.tracing.internal.RateLimitedLogger;
import org.codomyrmex.tracing.internal.SpanJson;
import org.codomyrmex.tracing.internal.TracingConfig;

/**
 * Appends each span as one line of JSON (the format of {@link Span#toMap()}) to a file.
 *
 * <p>Selected with {@code tracing.exporter=jsonl}; the file is {@code tracing.exporter.jsonl.path}.
 * Every batch is written in one piece and forced to disk before {@link #export} returns, so what a
 * {@code Tracer.flush()} delivered survives a crash. All exporters of the process naming the same
 * file share one writer: lines never interleave. A file that cannot be opened fails the creation; a
 * write that fails later is logged and its spans counted as dropped, never thrown.
 *
 * <pre>{@code
 * Tracer tracer = Tracer.create("checkout", new JsonLinesExporter(Path.of("traces.jsonl")));
 * }</pre>
 */
public final class JsonLinesExporter implements SpanExporter {

  private static final byte NEWLINE = '\n';
  private static final ObjectWriter LINES =
      JsonSupport.MAPPER.writer().withRootValueSeparator("\n");

  private final SharedFile file;
  private final Map<String, String> resourceAttributes;
  private final RateLimitedLogger log = new RateLimitedLogger(JsonLinesExporter.class.getName());
  private final AtomicBoolean shutDown = new AtomicBoolean();
  private final AtomicLong exported = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();

  /**
   * Opens {@code path} for appending, creating it and its parent directories when missing.
   *
   * @throws IllegalArgumentException naming {@code tracing.exporter.jsonl.path} when the file
   *     cannot be written
   */
  public JsonLinesExporter(Path path) {
    this(path, Map.of());
  }

  /**
   * Opens {@code path} like {@link #JsonLinesExporter(Path)}, adding {@code resourceAttributes} to
   * the attributes of every span, after {@code service.name}.
   *
   * @throws IllegalArgumentException naming {@code tracing.exporter.jsonl.path} when the file
   *     cannot be written
   */
  public JsonLinesExporter(Path path, Map<String, String> resourceAttributes) {
    Objects.requireNonNull(path, TracingConfig.JSONL_PATH);
    this.resourceAttributes = Collections.unmodifiableMap(new LinkedHashMap<>(resourceAttributes));
    try {
      this.file = SharedFile.acquire(path);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(
          TracingConfig.JSONL_PATH + ": cannot append spans to " + path.toAbsolutePath() + ": " + e,
          e);
    }
  }

  /** Returns the canonical path of the file written. */
  public Path path() {
    return file.path();
  }

  /** Appends one line per span and forces them to disk; failures are logged and counted. */
  @Override
  public void export(Collection<Span> spans) {
    if (spans.isEmpty()) {
      return;
    }
    if (shutDown.get()) {
      drop(spans.size(), "exporter is shut down", null);
      return;
    }
    try {
      file.append(ByteBuffer.wrap(lines(spans, resourceAttributes)));
      file.force();
      exported.addAndGet(spans.size());
    } catch (IOException | RuntimeException e) {
      drop(spans.size(), e.toString(), e);
    }
  }

  static byte[] lines(Collection<Span> spans, Map<String, String> resource) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(spans.size() * 512);
    try (SequenceWriter writer = LINES.writeValues(out)) {
      for (Span span : spans) {
        writer.write(SpanJson.toMap(span, resource));
      }
    }
    out.write(NEWLINE);
    return out.toByteArray();
  }

  /** Forces everything written so far to disk; failures are logged, never thrown. */
  public void flush() {
    try {
      file.force();
    } catch (IOException e) {
      log.warn("cannot force " + file.path() + " to disk", e);
    }
  }

  /** Forces the file to disk and leaves it; idempotent. Later batches are dropped. */
  @Override
  public void shutdown() {
    if (!shutDown.compareAndSet(false, true)) {
      return;
    }
    flush();
    try {
      file.release();
    } catch (IOException e) {
      log.warn("cannot close " + file.path(), e);
    }
  }

  /** Returns how many spans were written. */
  public long exportedSpans() {
    return exported.get();
  }

  /** Returns how many spans could not be written. */
  public long droppedSpans() {
    return dropped.get();
  }

  private void drop(int count, String reason, Throwable error) {
    dropped.addAndGet(count);
    log.warn(
        "JSON-lines exporter dropped "
            + count
            + " span(s) for "
            + file.path()
            + " ("
            + reason
            + ")",
        error);
  }
}
