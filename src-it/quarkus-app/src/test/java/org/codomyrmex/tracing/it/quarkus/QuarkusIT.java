package org.codomyrmex.tracing.it.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import org.codomyrmex.tracing.it.AsyncEventCalls;
import org.codomyrmex.tracing.it.AsyncWorkCalls;
import org.codomyrmex.tracing.it.LogFile;
import org.codomyrmex.tracing.it.RecordedSpan;
import org.codomyrmex.tracing.it.RuntimeProcess;
import org.codomyrmex.tracing.it.TraceViewerChecks;
import org.codomyrmex.tracing.it.TracingScenario;
import org.junit.jupiter.api.Test;

/** The scenario on Quarkus (Quarkus REST, ArC: CDI Lite), run from the jar its build made. */
class QuarkusIT extends TracingScenario implements TraceViewerChecks {

  private Path output;
  private URI base;

  QuarkusIT() {
    super("quarkus-shop", true);
  }

  @Override
  protected RuntimeProcess startRuntime(Path workDir, int port) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
                RuntimeProcess.javaExecutable(),
                "-Xmx256m",
                "-Dquarkus.http.port=" + port,
                "-jar",
                System.getProperty("it.quarkus.jar"))
            .directory(workDir.toFile());
    output = workDir.resolve("quarkus.log");
    base = URI.create("http://127.0.0.1:" + port + "/");
    return RuntimeProcess.start("quarkus", builder, output, null);
  }

  // ArC runs the CDI Lite extension, which must see annotations that are only on an interface.
  @Test
  void interfaceAnnotatedResourceRecordsItsUnmappedException() {
    RecordedSpan server = spanOfRequest("api/catalog/boom-3", 500, "GET /api/catalog/{id}");
    assertThat(server.status()).isEqualTo("error");
    assertThat(server.event("exception"))
        .as("exception event of %s", server)
        .isNotNull()
        .containsEntry("exception.type", CatalogItemMissingException.class.getName());
  }

  // No interceptor and no response filter: the span ends when Vert.x has sent the 500.
  @Test
  void finalResourceClassStillEndsItsSpanOnAnUnmappedException() {
    RecordedSpan server =
        spanOfRequest("api/sealed-catalog/boom-4", 500, "GET /api/sealed-catalog/{id}");
    assertThat(server.status()).isEqualTo("error");
    assertThat(server.attribute("http.response.status_code")).isEqualTo("500");
  }

  // quarkus-rest brings SmallRye Context Propagation, which finds the library's Tracing provider.
  @Test
  void managedExecutorTaskIsAChildOfTheRequest() {
    AsyncWorkCalls.assertTaskIsChildOfServer(
        base(), spans(), "api/quarkus-work/managed-executor", "managed-task");
  }

  @Test
  void threadContextProxyIsAChildAndLeavesThePoolThreadWithNothing() {
    String body =
        AsyncWorkCalls.assertTaskIsChildOfServer(
            base(), spans(), "api/quarkus-work/thread-context", "contextual-task");
    assertThat(body).endsWith(" pool=none");
  }

  @Test
  void asyncEventOnATracersWrapExecutorIsAChildAndLeavesThePoolThreadWithNothing() {
    assertThat(
            AsyncEventCalls.assertObserverIsChildOfServer(
                base(), spans(), "api/async-events/wrapped"))
        .endsWith(" pool=none");
  }

  @Test
  void asyncEventOnTheInjectedManagedExecutorIsAChildOfTheRequest() {
    AsyncEventCalls.assertObserverIsChildOfServer(base(), spans(), "api/quarkus-work/event");
  }

  // ArC delivers on Quarkus's worker pool (executor-thread-N) and carries no Tracing context: the
  // observer sees whatever that thread has current, nothing normally, or a span a request leaked
  // there (GET /api/leaky of the scenario does), but never the request's span.
  @Test
  void asyncEventWithoutExecutorIsOutsideTheRequestTrace() {
    assertThat(
            AsyncEventCalls.assertObserverIsOutsideTheRequestTrace(
                base(), spans(), "api/async-events/default"))
        .contains(" thread=executor-thread-");
  }

  // quarkus.log.console.format in application.properties shows %X{trace_id} and %X{span_id}.
  @Test
  void aLineLoggedInATracedResourceShowsTheServerSpansIdsOnTheConsole() throws Exception {
    LogFile.assertLoggedLineShowsTheServerSpan(base, output);
  }
}
