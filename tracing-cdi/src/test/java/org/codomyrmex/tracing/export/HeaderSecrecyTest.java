package org.codomyrmex.tracing.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.codomyrmex.tracing.internal.TracingConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Header values are secrets: the headers are sent, but no log record, exception message or {@code
 * toString()} ever holds a value, even when a backend echoes the request in its error answer.
 */
@Timeout(60)
class HeaderSecrecyTest {
  private static final String TOKEN = "s3cr3t-t0ken-4711";
  private static final Map<String, String> HEADERS =
      Map.of("Authorization", "Bearer " + TOKEN, "X-Api-Key", "k3y-0815-value");

  private final Logger library = Logger.getLogger("org.codomyrmex.tracing");
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Handler recorder =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private Level previousLevel;

  @BeforeEach
  void recordEveryLibraryLogRecord() {
    previousLevel = library.getLevel();
    library.setLevel(Level.ALL);
    library.addHandler(recorder);
  }

  @AfterEach
  void stopRecording() {
    library.removeHandler(recorder);
    library.setLevel(previousLevel);
  }

  // A backend that refuses the credentials and quotes what it got, as some gateways do.
  private static CaptureServer echoing(int status) throws java.io.IOException {
    return CaptureServer.answering(
        request ->
            new CaptureServer.Reply(
                status,
                "rejected Authorization: "
                    + request.header("Authorization")
                    + " token "
                    + TOKEN
                    + " key "
                    + request.header("X-Api-Key")));
  }

  @Test
  void headersAreSentButTheirValuesNeverReachALogRecord() throws Exception {
    HttpExporterOptions options = HttpDeliveryTest.fast().withHeaders(HEADERS);
    try (CaptureServer refusing = echoing(401);
        CaptureServer failing = echoing(500)) {
      ZipkinExporter zipkin = new ZipkinExporter(refusing.uri("/api/v2/spans"), options);
      OtlpHttpExporter otlp = new OtlpHttpExporter(failing.uri("/v1/traces"), options);
      zipkin.export(SampleSpans.many("svc", 2));
      otlp.export(SampleSpans.many("svc", 2));
      zipkin.flush(Duration.ofSeconds(5));
      otlp.flush(Duration.ofMillis(500)); // 500 is retried: times out, logged
      zipkin.shutdown();
      otlp.shutdown(); // the kept batch is reported as lost

      assertThat(refusing.requests().get(0).header("Authorization")).isEqualTo("Bearer " + TOKEN);
      assertThat(failing.requests().get(0).header("X-Api-Key")).isEqualTo("k3y-0815-value");
      assertThat(zipkin.droppedSpans()).isEqualTo(2);
      assertThat(otlp.droppedSpans()).isEqualTo(2);
      List<String> logged = records.stream().map(HeaderSecrecyTest::fullText).toList();
      assertThat(logged).anyMatch(text -> text.contains("status 401"));
      assertThat(logged).anyMatch(text -> text.contains("status 500"));
      assertThat(logged).anyMatch(text -> text.contains("could not be delivered"));
      assertThat(logged).allSatisfy(HeaderSecrecyTest::assertNoSecret);
      assertNoSecret(zipkin.toString() + otlp + options);
    }
  }

  @Test
  void configuredHeadersNeverAppearInAnExceptionMessage() {
    Map<String, String> settings =
        Map.of(TracingConfig.OTLP_HEADERS, "Authorization=Bearer " + TOKEN + "%0A");
    try {
      TracingConfig.of(settings::get);
      throw new AssertionError("a control character in a header value must be refused");
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).startsWith(TracingConfig.OTLP_HEADERS);
      assertNoSecret(e.getMessage());
    }
  }

  private static void assertNoSecret(String text) {
    assertThat(text).doesNotContain(TOKEN).doesNotContain("k3y-0815-value");
  }

  private static String fullText(LogRecord record) {
    StringWriter text = new StringWriter();
    text.append(record.getMessage()).append(' ');
    if (record.getParameters() != null) {
      text.append(List.of(record.getParameters()).toString());
    }
    if (record.getThrown() != null) {
      record.getThrown().printStackTrace(new PrintWriter(text));
    }
    return text.toString();
  }
}
