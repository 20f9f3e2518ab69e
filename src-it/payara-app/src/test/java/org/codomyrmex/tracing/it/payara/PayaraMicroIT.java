package org.codomyrmex.tracing.it.payara;

import java.nio.file.Files;
import java.nio.file.Path;
import org.codomyrmex.tracing.it.RuntimeProcess;
import org.codomyrmex.tracing.it.TraceViewerChecks;
import org.codomyrmex.tracing.it.TracingScenario;

/** The scenario on Payara Micro (Jersey, Weld, MicroProfile Config and Rest Client). */
class PayaraMicroIT extends TracingScenario implements TraceViewerChecks {

  // Payara Micro has no bind-address option: the HTTP listener is bound before boot instead.
  private static final String BIND_LOOPBACK =
      "set configs.config.server-config.network-config.network-listeners"
          + ".network-listener.http-listener.address=127.0.0.1";

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
    return RuntimeProcess.start("payara-micro", builder, workDir.resolve("payara.log"), null);
  }
}
