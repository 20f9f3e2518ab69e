package org.codomyrmex.tracing.it;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The JSON-lines span file a runtime writes ({@code tracing.exporter=jsonl}), read by polling. */
public final class SpanLog {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
  private static final Duration POLL = Duration.ofMillis(100);

  private final Path file;

  /** A reader of {@code file}, which need not exist yet. */
  public SpanLog(Path file) {
    this.file = file;
  }

  /** The file read. */
  public Path file() {
    return file;
  }

  /** Every complete span line written so far. */
  public List<RecordedSpan> read() {
    if (!Files.exists(file)) {
      return List.of();
    }
    List<RecordedSpan> spans = new ArrayList<>();
    for (String line : lines()) {
      parse(line, spans);
    }
    return spans;
  }

  /**
   * Polls until {@code done} accepts the spans that match {@code filter}, and returns those spans;
   * fails after {@code timeout} naming {@code what} and listing what was there.
   */
  public List<RecordedSpan> await(
      Predicate<RecordedSpan> filter,
      Predicate<List<RecordedSpan>> done,
      Duration timeout,
      String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<RecordedSpan> found;
    do {
      found = read().stream().filter(filter).toList();
      if (done.test(found)) {
        return found;
      }
      RuntimeProcess.sleep(POLL);
    } while (System.nanoTime() < deadline);
    throw new AssertionError(
        "waited "
            + timeout.toSeconds()
            + " s for "
            + what
            + " in "
            + file
            + "; found "
            + summary(found));
  }

  // A failure message stays readable: the first spans and how many there were.
  private static String summary(List<RecordedSpan> found) {
    int shown = Math.min(found.size(), 12);
    String more = found.size() > shown ? " ... (" + found.size() + " in all)" : "";
    return found.subList(0, shown) + more;
  }

  /** Polls until at least {@code count} spans of the trace are written, and returns them all. */
  public List<RecordedSpan> awaitTrace(String traceId, int count, Duration timeout) {
    return await(
        s -> traceId.equals(s.traceId()),
        found -> found.size() >= count,
        timeout,
        count + " spans of trace " + traceId);
  }

  private List<String> lines() {
    try {
      return RuntimeProcess.lenientLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // The last line may still be being written: a line that does not parse is not a span yet.
  private static void parse(String line, List<RecordedSpan> into) {
    if (line.isBlank()) {
      return;
    }
    try {
      into.add(new RecordedSpan(JSON.readValue(line, MAP)));
    } catch (JsonProcessingException e) {
      // incomplete trailing line
    }
  }
}
