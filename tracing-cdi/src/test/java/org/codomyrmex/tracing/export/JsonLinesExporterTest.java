package org.codomyrmex.tracing.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.Tracer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Content, appending, sharing, durability and failure handling of the JSON-lines file. */
class JsonLinesExporterTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void writesOneSpanJsonPerLineInTheContractFormat() throws IOException {
    Path file = dir.resolve("traces.jsonl");
    List<Span> spans = SampleSpans.trace("checkout");
    JsonLinesExporter exporter = new JsonLinesExporter(file);
    exporter.export(spans);
    exporter.shutdown();

    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(3);
    for (int i = 0; i < lines.size(); i++) {
      Map<?, ?> expected = JSON.readValue(JSON.writeValueAsString(spans.get(i).toMap()), Map.class);
      assertThat(JSON.readValue(lines.get(i), Map.class)).isEqualTo(expected);
    }
    assertThat(JSON.readValue(lines.get(2), Map.class))
        .containsKeys("name", "trace_id", "span_id", "parent_span_id", "kind", "status")
        .containsEntry("kind", "server");
    assertThat(exporter.exportedSpans()).isEqualTo(3);
  }

  @Test
  void appendsToWhatTheFileAlreadyHolds() throws IOException {
    Path file = dir.resolve("traces.jsonl");
    Files.writeString(file, "{\"earlier\":true}\n");
    JsonLinesExporter exporter = new JsonLinesExporter(file);
    exporter.export(SampleSpans.many("svc", 2));
    exporter.shutdown();
    JsonLinesExporter again = new JsonLinesExporter(file);
    again.export(SampleSpans.many("svc", 1));
    again.shutdown();

    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(4).first().isEqualTo("{\"earlier\":true}");
  }

  @Test
  void concurrentTracersWritingTheSameFileNeverInterleaveLines() throws Exception {
    Path file = dir.resolve("shared.jsonl");
    int tracers = 8;
    int spansEach = 400;
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < tracers; t++) {
        // Different spellings of one path share one writer.
        Path spelling = t % 2 == 0 ? file : dir.resolve("sub/../shared.jsonl");
        String service = "svc-" + t;
        done.add(pool.submit(() -> traceInto(spelling, service, spansEach)));
      }
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(tracers * spansEach);
    for (String line : lines) {
      assertThat(JSON.readTree(line).get("span_id").asText()).matches("[0-9a-f]{16}");
    }
  }

  private static void traceInto(Path file, String service, int spans) {
    Tracer tracer = Tracer.create(service, new JsonLinesExporter(file));
    for (int i = 0; i < spans; i++) {
      Span span = tracer.startSpan("op-" + i);
      span.setAttribute("padding", "x".repeat(i % 300));
      span.finish();
    }
    tracer.shutdown();
  }

  @Test
  void everyExportedBatchIsOnDiskWhenExportReturns() throws IOException {
    Path file = dir.resolve("durable.jsonl");
    JsonLinesExporter exporter = new JsonLinesExporter(file);
    exporter.export(SampleSpans.many("svc", 5));
    exporter.flush();

    // Read through a separate handle while the exporter still holds the file open.
    assertThat(Files.readAllLines(file)).hasSize(5);
    exporter.shutdown();
  }

  @Test
  void anUnwritablePathFailsCreationNamingTheKey() throws IOException {
    Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");

    assertThatThrownBy(() -> new JsonLinesExporter(notADirectory.resolve("traces.jsonl")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("tracing.exporter.jsonl.path: ")
        .hasMessageContaining("plain-file");
    assertThatThrownBy(() -> new JsonLinesExporter(dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("tracing.exporter.jsonl.path: ");
  }

  @Test
  void aFailingDiskIsCountedAndNeverThrown() {
    Path full = Path.of("/dev/full"); // Linux: every write fails with "no space left on device"
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isWritable(full));
    JsonLinesExporter exporter = new JsonLinesExporter(full);

    exporter.export(SampleSpans.many("svc", 3));
    exporter.export(SampleSpans.many("svc", 2));
    exporter.shutdown();

    assertThat(exporter.droppedSpans()).isEqualTo(5);
    assertThat(exporter.exportedSpans()).isZero();
  }

  @Test
  void oneExporterShuttingDownLeavesTheSharedFileOpenForTheOthers() throws IOException {
    Path file = dir.resolve("traces.jsonl");
    JsonLinesExporter first = new JsonLinesExporter(file);
    JsonLinesExporter second = new JsonLinesExporter(file);
    first.shutdown();
    first.shutdown();

    second.export(SampleSpans.many("svc", 2));
    first.export(SampleSpans.many("svc", 1));
    second.shutdown();

    assertThat(Files.readAllLines(file)).hasSize(2);
    assertThat(first.droppedSpans()).isEqualTo(1);
  }

  @Test
  void anInterruptedWorkerDoesNotCloseTheFileForEveryone() throws IOException {
    Path file = dir.resolve("traces.jsonl");
    JsonLinesExporter exporter = new JsonLinesExporter(file);
    List<Span> spans = SampleSpans.many("svc", 2);
    Thread.currentThread().interrupt();
    try {
      exporter.export(spans);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
    exporter.export(SampleSpans.many("svc", 1));
    exporter.shutdown();

    assertThat(Files.readAllLines(file)).hasSize(3);
  }
}
