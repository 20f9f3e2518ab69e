package org.codomyrmex.tracing.bench.jaxrs;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One mode's server JVM: started with its output in a log file, ready when it prints {@code READY},
 * stopped by its PID (SIGTERM, then SIGKILL after 60 s), its request counts read from the log once
 * it has exited.
 */
final class ServerProcess implements AutoCloseable {
  private static final Pattern COUNTS = Pattern.compile("requests=(\\d+) inSpan=(\\d+)");
  private static final long NANOS_PER_TICK = 10_000_000L; // USER_HZ = 100 on Linux
  private final Process process;
  private final Path log;
  final int port;

  private ServerProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /** Starts {@code mode}'s server and waits up to two minutes for it to listen. */
  static ServerProcess start(Mode mode, Mode.Layout layout, String sink, Path log)
      throws IOException, InterruptedException {
    int port = freePort();
    Process process =
        new ProcessBuilder(mode.command(layout, port, sink))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    ServerProcess server = new ServerProcess(process, log, port);
    server.awaitReady();
    return server;
  }

  private void awaitReady() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (!Files.readString(log).contains("READY")) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        close();
        throw new IOException("server did not start; " + tail());
      }
      Thread.sleep(200);
    }
  }

  /** Returns the CPU time the server's process has used so far, in nanoseconds. */
  long cpuNanos() throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
    // fields after the command name, which is in parentheses: state is field 3, utime 14, stime 15
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
  }

  /** Stops the server and returns {requests, requests in a span} as it counted them. */
  long[] stop() throws IOException, InterruptedException {
    close();
    Matcher counts = COUNTS.matcher(Files.readString(log));
    if (!counts.find()) {
      throw new IOException("server printed no counts; " + tail());
    }
    return new long[] {Long.parseLong(counts.group(1)), Long.parseLong(counts.group(2))};
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  private String tail() throws IOException {
    List<String> lines = Files.readAllLines(log);
    return "last lines of "
        + log
        + ":\n"
        + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
