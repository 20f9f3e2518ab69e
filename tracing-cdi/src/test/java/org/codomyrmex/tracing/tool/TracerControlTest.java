package org.codomyrmex.tracing.tool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The operator's command line against a real second JVM, attached by its pid. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class TracerControlTest {
  private Process app;

  @AfterEach
  void stop() throws InterruptedException {
    if (app != null) {
      app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void listsTracersAndChangesTheRatioOfARunningJvm() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    app =
        new ProcessBuilder(
                java, "-cp", System.getProperty("java.class.path"), ControlledApp.class.getName())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8));
    Writer in = new OutputStreamWriter(app.getOutputStream(), StandardCharsets.UTF_8);
    String ready = out.readLine();
    assertThat(ready).startsWith("ready ");
    String pid = ready.substring("ready ".length());
    assertThat(ask(in, out)).isEqualTo("recording true");

    assertThat(control(pid)).contains("name=controlled Sampler=ratio(1.0) SamplingRatio=1.0");
    assertThat(control(pid, "controlled", "ratio", "0.0"))
        .contains("name=controlled Sampler=ratio(0.0) SamplingRatio=0.0");
    assertThat(ask(in, out)).as("effective at once").isEqualTo("recording false");
    assertThat(control(pid, "nobody", "flush")).contains("no tracer named 'nobody'");
    assertThat(control(pid, "controlled", "ratio")).startsWith("usage:");
    in.write("quit\n");
    in.flush();
  }

  private static String ask(Writer in, BufferedReader out) throws Exception {
    in.write("span\n");
    in.flush();
    return out.readLine();
  }

  private static String control(String... args) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    TracerControl.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
