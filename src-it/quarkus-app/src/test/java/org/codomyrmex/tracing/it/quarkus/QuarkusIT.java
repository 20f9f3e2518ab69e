package org.codomyrmex.tracing.it.quarkus;

import java.nio.file.Path;
import org.codomyrmex.tracing.it.RuntimeProcess;
import org.codomyrmex.tracing.it.TracingScenario;

/** The scenario on Quarkus (Quarkus REST, ArC: CDI Lite), run from the jar its build made. */
class QuarkusIT extends TracingScenario {

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
    return RuntimeProcess.start("quarkus", builder, workDir.resolve("quarkus.log"), null);
  }
}
