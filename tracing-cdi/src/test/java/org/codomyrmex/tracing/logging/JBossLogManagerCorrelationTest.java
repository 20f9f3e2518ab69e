package org.codomyrmex.tracing.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import org.jboss.logmanager.LogManager;
import org.jboss.logmanager.Logger;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.jboss.logmanager.handlers.WriterHandler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * JBoss Logging's MDC on JBoss LogManager, as on WildFly and Quarkus: runs in its own surefire
 * execution with {@code java.util.logging.manager=org.jboss.logmanager.LogManager}.
 */
class JBossLogManagerCorrelationTest extends CorrelationScenarios {
  private static final String NAME = "jboss-correlation";
  private final StringWriter output = new StringWriter();
  private org.jboss.logging.Logger logger;

  @BeforeAll
  static void runsOnJBossLogManager() {
    assertThat(java.util.logging.LogManager.getLogManager()).isInstanceOf(LogManager.class);
  }

  @BeforeEach
  void attachHandler() {
    WriterHandler handler = new WriterHandler();
    handler.setFormatter(new PatternFormatter("%X{trace_id}|%X{span_id}|%s%n"));
    handler.setWriter(output);
    handler.setAutoFlush(true);
    Logger target = Logger.getLogger(NAME);
    for (java.util.logging.Handler old : target.getHandlers()) {
      target.removeHandler(old);
    }
    target.addHandler(handler);
    target.setUseParentHandlers(false);
    logger = org.jboss.logging.Logger.getLogger(NAME);
  }

  @Override
  synchronized String log(String message) {
    output.getBuffer().setLength(0);
    logger.info(message);
    return output.toString().strip();
  }

  @Override
  MdcBackend mdc() {
    return new JBossLoggingMdc();
  }
}
