package org.codomyrmex.tracing.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.LoggerFactory;

/** A real Logback appender on one logger, writing with a pattern into memory. */
public final class LogbackCapture {
  private final ByteArrayOutputStream output = new ByteArrayOutputStream();

  private LogbackCapture() {}

  /** Makes {@code pattern} the only appender of the logger {@code name}, at INFO. */
  public static LogbackCapture attach(String name, String pattern) {
    LogbackCapture capture = new LogbackCapture();
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(pattern);
    encoder.start();
    OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    appender.setContext(context);
    appender.setEncoder(encoder);
    appender.setOutputStream(capture.output);
    appender.start();
    Logger logger = context.getLogger(name);
    logger.detachAndStopAllAppenders();
    logger.addAppender(appender);
    logger.setAdditive(false);
    logger.setLevel(Level.INFO);
    return capture;
  }

  /** Returns what was written since the last {@link #reset()}, without surrounding blanks. */
  public String text() {
    return output.toString(StandardCharsets.UTF_8).strip();
  }

  /** Forgets what was written. */
  public void reset() {
    output.reset();
  }
}
