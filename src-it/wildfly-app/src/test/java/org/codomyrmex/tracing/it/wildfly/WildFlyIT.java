package org.codomyrmex.tracing.it.wildfly;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.codomyrmex.tracing.it.AsyncEventCalls;
import org.codomyrmex.tracing.it.FreePort;
import org.codomyrmex.tracing.it.JakartaConcurrencyScenario;
import org.codomyrmex.tracing.it.LogFile;
import org.codomyrmex.tracing.it.RuntimeProcess;
import org.codomyrmex.tracing.it.TraceViewerChecks;
import org.codomyrmex.tracing.it.TracingScenario;
import org.junit.jupiter.api.Test;

/** The scenario on WildFly (RESTEasy, Weld), unpacked from its distribution zip by the build. */
class WildFlyIT extends TracingScenario implements JakartaConcurrencyScenario, TraceViewerChecks {

  // The ids as docs/logs.md shows them, added to the PATTERN formatter that server.log uses.
  private static final String IDS = "[trace_id=%X{trace_id} span_id=%X{span_id}] ";
  private static final String MESSAGE = "%s%e%n";
  private Path serverLog;
  private URI base;

  // The default standalone.xml has neither MicroProfile Config nor Rest Client.
  WildFlyIT() {
    super("wildfly-shop", false);
  }

  @Override
  protected RuntimeProcess startRuntime(Path workDir, int port) throws Exception {
    Path home = Path.of(System.getProperty("it.wildfly.home"));
    Path base = copyTree(home.resolve("standalone"), workDir.resolve("standalone"));
    Files.copy(Path.of(System.getProperty("it.war")), base.resolve("deployments/shop.war"));
    showTraceIdsInServerLog(base.resolve("configuration/standalone.xml"));
    serverLog = base.resolve("log/server.log");
    this.base = URI.create("http://127.0.0.1:" + port + "/");
    Path properties = workDir.resolve("wildfly-tracing.properties");
    try (InputStream in = WildFlyIT.class.getResourceAsStream("/wildfly-tracing.properties")) {
      Files.copy(in, properties);
    }
    Path pidFile = workDir.resolve("wildfly.pid");
    ProcessBuilder builder =
        new ProcessBuilder(
                home.resolve("bin/standalone.sh").toString(),
                "-b",
                "127.0.0.1",
                "-bmanagement",
                "127.0.0.1",
                "-Djboss.server.base.dir=" + base,
                "-Djboss.http.port=" + port,
                "-Djboss.https.port=" + FreePort.next(),
                "-Djboss.management.http.port=" + FreePort.next(),
                "-Djboss.management.https.port=" + FreePort.next(),
                "-Djboss.ajp.port=" + FreePort.next(),
                "--properties=" + properties.toUri())
            .directory(workDir.toFile());
    // the JDK that runs the tests runs the server too
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().put("JBOSS_PIDFILE", pidFile.toString());
    builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "1");
    return RuntimeProcess.start("wildfly", builder, workDir.resolve("wildfly.log"), pidFile);
  }

  // Weld delivers on its own "Weld Thread Pool", which carries no Jakarta Concurrency context.
  @Test
  void asyncEventWithoutExecutorStartsANewTrace() {
    assertThat(
            AsyncEventCalls.assertObserverStartsANewTrace(
                base, spans(), "api/async-events/default"))
        .contains(" thread=Weld Thread Pool");
  }

  // WildFly logs through JBoss LogManager, whose MDC the library writes through JBoss Logging.
  @Test
  void aLineLoggedInATracedResourceShowsTheServerSpansIdsInServerLog() throws Exception {
    LogFile.assertLoggedLineShowsTheServerSpan(base, serverLog);
  }

  /** What the CLI command of docs/logs.md does, written into the copied configuration. */
  private static void showTraceIdsInServerLog(Path standaloneXml) throws Exception {
    String xml = Files.readString(standaloneXml);
    int formatter = xml.indexOf("<formatter name=\"PATTERN\">");
    int message = xml.indexOf(MESSAGE, formatter);
    assertThat(formatter).as("PATTERN formatter in " + standaloneXml).isNotNegative();
    assertThat(message).as("%s%e%n in the PATTERN formatter").isPositive();
    Files.writeString(standaloneXml, xml.substring(0, message) + IDS + xml.substring(message));
  }

  private static Path copyTree(Path from, Path to) throws Exception {
    List<Path> sources;
    try (Stream<Path> tree = Files.walk(from)) {
      sources = tree.sorted(Comparator.naturalOrder()).toList();
    }
    for (Path source : sources) {
      Files.copy(
          source,
          to.resolve(from.relativize(source).toString()),
          StandardCopyOption.COPY_ATTRIBUTES);
    }
    return to;
  }
}
