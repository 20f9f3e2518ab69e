package org.codomyrmex.tracing.tool;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.codomyrmex.tracing.Sampler;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.Tracer;
import org.codomyrmex.tracing.export.InMemoryExporter;

/** A JVM for TracerControl to attach to: one tracer; "span" on stdin answers its decision. */
public final class ControlledApp {
  private ControlledApp() {}

  /** Runs until stdin says "quit" or closes. */
  public static void main(String[] args) throws Exception {
    Tracer tracer = Tracer.create("controlled", new InMemoryExporter(), Sampler.ratio(1.0));
    System.out.println("ready " + ProcessHandle.current().pid());
    System.out.flush();
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
      try (Span span = tracer.span("root")) {
        System.out.println("recording " + span.isRecording());
        System.out.flush();
      }
    }
    tracer.shutdown();
  }
}
