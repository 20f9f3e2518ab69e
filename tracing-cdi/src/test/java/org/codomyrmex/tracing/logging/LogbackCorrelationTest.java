package org.codomyrmex.tracing.logging;

import org.junit.jupiter.api.BeforeEach;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

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
  void putOwn(String key, String value) {
    MDC.put(key, value);
  }

  @Override
  Object mdc(String key) {
    return MDC.get(key);
  }

  @Override
  void removeOwn(String key) {
    MDC.remove(key);
  }
}
