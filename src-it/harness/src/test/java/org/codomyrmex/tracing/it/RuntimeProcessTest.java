package org.codomyrmex.tracing.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeProcessTest {
  // Nothing listens there: a port handed out as free a moment ago.
  private final URI nowhere = URI.create("http://127.0.0.1:" + FreePort.next() + "/api/health");

  @TempDir Path dir;

  @Test
  void runtimeThatExitsEarlyFailsWithItsLogTail() throws Exception {
    ProcessBuilder builder = new ProcessBuilder("sh", "-c", "echo 'port already in use'; exit 3");

    try (RuntimeProcess runtime = RuntimeProcess.start("early-exit", builder, log(), null)) {
      assertThatThrownBy(() -> runtime.awaitReady(nowhere, Duration.ofSeconds(30)))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("exited with code 3")
          .hasMessageContaining("port already in use");
    }
  }

  @Test
  void runtimeThatNeverAnswersFailsAfterTheTimeoutAndIsStopped() throws Exception {
    ProcessBuilder builder = new ProcessBuilder("sleep", "60");

    try (RuntimeProcess runtime = RuntimeProcess.start("silent", builder, log(), null)) {
      ProcessHandle process = ProcessHandle.of(runtime.pid()).orElseThrow();
      assertThatThrownBy(() -> runtime.awaitReady(nowhere, Duration.ofSeconds(1)))
          .hasMessageContaining("did not answer");
      assertThat(process.isAlive()).isFalse();
    }
  }

  @Test
  void closeStopsTheServerNamedInThePidFileAndItsLauncher() throws Exception {
    Path pidFile = dir.resolve("server.pid");
    // a launcher script that starts the "server" and waits for it, as standalone.sh does
    String script = "sleep 60 & echo $! > '" + pidFile + "'; wait";
    RuntimeProcess runtime =
        RuntimeProcess.start("launcher", new ProcessBuilder("sh", "-c", script), log(), pidFile);
    awaitFile(pidFile);
    ProcessHandle server = ProcessHandle.of(runtime.pid()).orElseThrow();
    assertThat(Files.readString(pidFile).trim()).isEqualTo(String.valueOf(server.pid()));

    runtime.close();

    assertThat(server.isAlive()).isFalse();
  }

  private Path log() {
    return dir.resolve("runtime.log");
  }

  private static void awaitFile(Path file) throws Exception {
    for (int i = 0; i < 100 && !(Files.exists(file) && Files.size(file) > 0); i++) {
      Thread.sleep(50);
    }
    assertThat(file).isNotEmptyFile();
  }
}
