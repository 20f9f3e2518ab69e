package org.codomyrmex.tracing.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.Tracer;
import org.codomyrmex.tracing.export.InMemoryExporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** java.util.logging's correlation: the formatter, set up from code and from logging.properties. */
class TraceIdFormatterTest {
  private final Tracer tracer = Tracer.create("jul", new InMemoryExporter());

  @AfterEach
  void resetLogging() throws Exception {
    tracer.shutdown();
    LogManager.getLogManager().readConfiguration();
  }

  @Test
  void wrappedFromCodeItPutsTheIdsBeforeTheMessage() {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s %5$s%n");
    StreamHandler handler;
    try {
      handler = new StreamHandler(output, new SimpleFormatter());
    } finally {
      System.clearProperty("java.util.logging.SimpleFormatter.format");
    }
    assertThat(TraceIdFormatter.wrap(handler)).isTrue();
    assertThat(TraceIdFormatter.wrap(handler)).isFalse();
    Logger logger = loggerWith("jul-code", handler);

    String ids;
    try (Span span = tracer.span("checkout")) {
      ids = "[trace_id=" + span.traceId() + " span_id=" + span.spanId() + "]";
      logger.info("inside");
      logger.log(java.util.logging.Level.WARNING, "order {0}", 42);
    }
    logger.info("after");
    handler.flush();

    assertThat(output.toString(StandardCharsets.UTF_8).lines())
        .containsExactly("INFO " + ids + " inside", "WARNING " + ids + " order 42", "INFO after");
  }

  @Test
  void configuredInLoggingPropertiesItWrapsTheNamedFormatter(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("app.log");
    String properties =
        String.join(
            "\n",
            "jul-properties.handlers=java.util.logging.FileHandler",
            "jul-properties.useParentHandlers=false",
            "java.util.logging.FileHandler.pattern=" + file.toString().replace("\\", "/"),
            "java.util.logging.FileHandler.formatter=" + TraceIdFormatter.class.getName(),
            TraceIdFormatter.DELEGATE_PROPERTY + "=java.util.logging.SimpleFormatter",
            "java.util.logging.SimpleFormatter.format=%4$s %5$s%n");
    LogManager.getLogManager()
        .readConfiguration(new ByteArrayInputStream(properties.getBytes(StandardCharsets.UTF_8)));
    Logger logger = Logger.getLogger("jul-properties");
    assertThat(logger.getHandlers()[0].getFormatter()).isInstanceOf(TraceIdFormatter.class);

    String ids;
    try (Span span = tracer.span("checkout")) {
      ids = "[trace_id=" + span.traceId() + " span_id=" + span.spanId() + "]";
      logger.info("inside");
    }
    for (Handler handler : logger.getHandlers()) {
      handler.close();
    }

    assertThat(Files.readAllLines(file)).containsExactly("INFO " + ids + " inside");
  }

  @Test
  void switchedOffItAddsNothing() {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    System.setProperty("tracing.log-correlation", "false");
    TraceIdFormatter formatter;
    try {
      formatter = new TraceIdFormatter(new SimpleFormatter());
    } finally {
      System.clearProperty("tracing.log-correlation");
    }
    StreamHandler handler = new StreamHandler(output, formatter);
    Logger logger = loggerWith("jul-off", handler);

    try (Span span = tracer.span("checkout")) {
      logger.info("inside");
    }
    handler.flush();

    assertThat(output.toString(StandardCharsets.UTF_8))
        .contains("inside")
        .doesNotContain("trace_id");
  }

  private static Logger loggerWith(String name, Handler handler) {
    Logger logger = Logger.getLogger(name);
    logger.setUseParentHandlers(false);
    logger.addHandler(handler);
    return logger;
  }
}
