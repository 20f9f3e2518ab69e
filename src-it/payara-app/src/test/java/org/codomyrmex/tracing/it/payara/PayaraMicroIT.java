package org.codomyrmex.tracing.it.payara;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.codomyrmex.tracing.it.AsyncEventCalls;
import org.codomyrmex.tracing.it.JakartaConcurrencyScenario;
import org.codomyrmex.tracing.it.LogFile;
import org.codomyrmex.tracing.it.RuntimeProcess;
import org.codomyrmex.tracing.it.TraceViewerChecks;
import org.codomyrmex.tracing.it.TracingScenario;
import org.junit.jupiter.api.Test;

/** The scenario on Payara Micro (Jersey, Weld, MicroProfile Config and Rest Client). */
class PayaraMicroIT extends TracingScenario
    implements JakartaConcurrencyScenario, TraceViewerChecks {

  // Payara Micro has no bind-address option: the HTTP listener is bound before boot instead.
  private static final String BIND_LOOPBACK =
      "set configs.config.server-config.network-config.network-listeners"
          + ".network-listener.http-listener.address=127.0.0.1";

  private Path output;
  private URI base;

  PayaraMicroIT() {
    super("payara-shop", true);
  }

  @Override
  protected RuntimeProcess startRuntime(Path workDir, int port) throws Exception {
    Path preboot = Files.writeString(workDir.resolve("preboot.asadmin"), BIND_LOOPBACK + "\n");
    ProcessBuilder builder =
        new ProcessBuilder(
                RuntimeProcess.javaExecutable(),
                "-Xmx512m",
                "-jar",
                System.getProperty("it.payara.jar"),
                "--deploy",
                System.getProperty("it.war"),
                "--contextroot",
                "/",
                "--port",
                String.valueOf(port),
                "--nohazelcast",
                "--disablephonehome",
                "--rootdir",
                Files.createDirectory(workDir.resolve("root")).toString(),
                "--unpackdir",
                Files.createDirectory(workDir.resolve("unpack")).toString(),
                "--prebootcommandfile",
                preboot.toString())
            .directory(workDir.toFile());
    output = workDir.resolve("payara.log");
    base = URI.create("http://127.0.0.1:" + port + "/");
    return RuntimeProcess.start("payara-micro", builder, output, null);
  }

  // Payara hands Weld its default managed executor, whose tasks carry the Tracing context.
  @Test
  void asyncEventWithoutExecutorIsAChildOfTheRequest() {
    assertThat(
            AsyncEventCalls.assertObserverIsChildOfServer(
                base(), spans(), "api/async-events/default"))
        .contains(" thread=concurrent/__defaultManagedExecutorService");
  }

  // java.util.logging: JulLogCorrelation wraps the console handler's formatter in TraceIdFormatter.
  @Test
  void aLineLoggedInATracedResourceShowsTheServerSpansIdsOnTheConsole() throws Exception {
    LogFile.assertLoggedLineShowsTheServerSpan(base, output);
  }
}
