package org.codomyrmex.tracing.it;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/** Lines logged inside a resource carry the server span's ids; pooled workers are left clean. */
@ExtendWith(Services.class)
class LogCorrelationIT {
  private final ByteArrayOutputStream output = new ByteArrayOutputStream();
  private OutputStreamAppender<ILoggingEvent> appender;

  @BeforeEach
  void attachAppender() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%thread|%X{trace_id}|%X{span_id}|%msg%n");
    encoder.start();
    appender = new OutputStreamAppender<>();
    appender.setContext(context);
    appender.setEncoder(encoder);
    appender.setOutputStream(output);
    appender.start();
    Logger logger = context.getLogger(LoggedResource.LOGGER);
    logger.addAppender(appender);
    logger.setAdditive(false);
    logger.setLevel(Level.INFO);
  }

  @AfterEach
  void detachAppender() {
    context().getLogger(LoggedResource.LOGGER).detachAppender(appender);
    appender.stop();
  }

  @Test
  void aLineLoggedInTheResourceCarriesTheServerSpansIds() {
    HttpResponse<String> response = Http.frontend("api/logged");

    String traceId = Http.traceId(response);
    assertThat(traceId).hasSize(32);
    assertThat(response.body()).hasSize(16);
    assertThat(lines())
        .singleElement()
        .asString()
        .endsWith("|" + traceId + "|" + response.body() + "|traced");
  }

  @Test
  void pooledWorkersAreLeftWithoutTheIdsWhenARequestEnds() {
    for (int i = 0; i < 100; i++) {
      Http.frontend("api/logged");
      assertThat(Http.frontend("api/logged/health").body()).isEqualTo("none");
    }

    List<String[]> lines = lines().stream().map(line -> line.split("\\|", -1)).toList();
    assertThat(lines).hasSize(200);
    Set<String> tracedThreads = new HashSet<>();
    Set<String> cleanThreads = new HashSet<>();
    for (String[] line : lines) {
      if (line[3].equals("traced")) {
        assertThat(line[1]).hasSize(32);
        tracedThreads.add(line[0]);
      } else {
        assertThat(line[1] + line[2]).as("ids left on worker " + line[0]).isEmpty();
        cleanThreads.add(line[0]);
      }
    }
    tracedThreads.retainAll(cleanThreads);
    assertThat(tracedThreads).as("workers that served both kinds of request").isNotEmpty();
  }

  private List<String> lines() {
    return output.toString(StandardCharsets.UTF_8).lines().toList();
  }

  private static LoggerContext context() {
    return (LoggerContext) LoggerFactory.getILoggerFactory();
  }
}
