package org.codomyrmex.tracing.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** SLF4J's MDC through Logback and an appender with {@code %X{trace_id}}. */
class LogbackCorrelationTest extends CorrelationScenarios {
  private final ByteArrayOutputStream output = new ByteArrayOutputStream();
  private org.slf4j.Logger logger;

  @BeforeEach
  void attachAppender() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%X{trace_id}|%X{span_id}|%msg%n");
    encoder.start();
    OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    appender.setContext(context);
    appender.setEncoder(encoder);
    appender.setOutputStream(output);
    appender.start();
    Logger target = context.getLogger("logback-correlation");
    target.detachAndStopAllAppenders();
    target.addAppender(appender);
    target.setAdditive(false);
    target.setLevel(Level.INFO);
    logger = target;
  }

  @Override
  synchronized String log(String message) {
    output.reset();
    logger.info(message);
    return output.toString(StandardCharsets.UTF_8).strip();
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
