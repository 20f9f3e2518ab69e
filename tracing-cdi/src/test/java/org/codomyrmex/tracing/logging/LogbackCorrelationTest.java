package org.codomyrmex.tracing.logging;

import org.junit.jupiter.api.BeforeEach;
import org.slf4j.LoggerFactory;

/** SLF4J's MDC through Logback and an appender with {@code %X{trace_id}}. */
class LogbackCorrelationTest extends CorrelationScenarios {
  private static final String NAME = "logback-correlation";
  private LogbackCapture capture;
  private final org.slf4j.Logger logger = LoggerFactory.getLogger(NAME);

  @BeforeEach
  void attachAppender() {
    capture = LogbackCapture.attach(NAME, "%X{trace_id}|%X{span_id}|%msg%n");
  }

  @Override
  synchronized String log(String message) {
    capture.reset();
    logger.info(message);
    return capture.text();
  }

  @Override
  MdcBackend mdc() {
    return new Slf4jMdc();
  }
}
