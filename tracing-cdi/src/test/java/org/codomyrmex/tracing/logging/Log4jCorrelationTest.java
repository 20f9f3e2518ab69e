package org.codomyrmex.tracing.logging;

import java.io.StringWriter;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.BeforeEach;

/** Log4j 2's ThreadContext through Log4j core and a writer appender with {@code %X{trace_id}}. */
class Log4jCorrelationTest extends CorrelationScenarios {
  private static final String NAME = "log4j-correlation";
  private final StringWriter output = new StringWriter();
  private Logger logger;

  @BeforeEach
  void attachAppender() {
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    Configuration config = context.getConfiguration();
    PatternLayout layout =
        PatternLayout.newBuilder()
            .withPattern("%X{trace_id}|%X{span_id}|%m%n")
            .withConfiguration(config)
            .build();
    WriterAppender appender =
        WriterAppender.newBuilder().setName(NAME).setTarget(output).setLayout(layout).build();
    appender.start();
    LoggerConfig loggerConfig = new LoggerConfig(NAME, Level.INFO, false);
    loggerConfig.addAppender(appender, Level.INFO, null);
    config.removeLogger(NAME);
    config.addLogger(NAME, loggerConfig);
    context.updateLoggers();
    logger = context.getLogger(NAME);
  }

  @Override
  synchronized String log(String message) {
    output.getBuffer().setLength(0);
    logger.info(message);
    return output.toString().strip();
  }

  @Override
  MdcBackend mdc() {
    return new Log4jThreadContext();
  }
}
