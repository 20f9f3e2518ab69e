package org.codomyrmex.tracing.it;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A runtime started by a test: its process, its log and its readiness check; always stopped by PID.
 *
 * <pre>{@code
 * try (RuntimeProcess runtime = RuntimeProcess.start("quarkus", builder, log, null)) {
 *   runtime.awaitReady(URI.create("http://127.0.0.1:8080/api/health"), Duration.ofSeconds(60));
 * }
 * }</pre>
 */
public final class RuntimeProcess implements AutoCloseable {
  private static final Duration STOP_GRACE = Duration.ofSeconds(30);
  private static final int LOG_TAIL_LINES = 80;

  private final String name;
  private final Process process;
  private final Path log;
  private final Path pidFile;
  private final long startNanos = System.nanoTime();
  private final Thread shutdownHook;
  private boolean stopped;

  private RuntimeProcess(String name, Process process, Path log, Path pidFile) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.pidFile = pidFile;
    // A backstop for a JVM that ends without running @AfterAll (e.g. Ctrl-C during the build).
    this.shutdownHook = new Thread(this::stop, "stop-" + name);
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Starts the command with its output in {@code log}; {@code pidFile} names the file where a
   * launcher script writes the server's PID, or is null when the started process is the server.
   */
  public static RuntimeProcess start(String name, ProcessBuilder builder, Path log, Path pidFile)
      throws IOException {
    Files.createDirectories(log.getParent());
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    System.out.printf("[it] starting %s: %s%n", name, String.join(" ", builder.command()));
    return new RuntimeProcess(name, builder.start(), log, pidFile);
  }

  /** The {@code java} launcher of the JVM that runs the tests. */
  public static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Polls {@code health} until it answers 200; fails with the log tail if it never does. */
  public void awaitReady(URI health, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw failure(name + " exited with code " + process.exitValue() + " before it was ready");
      }
      if (HttpCalls.answersOk(health)) {
        System.out.printf(
            "[it] %s ready in %.1f s (pid %d)%n", name, secondsSince(startNanos), pid());
        return;
      }
      sleep(Duration.ofMillis(250));
    }
    throw failure(name + " did not answer " + health + " within " + timeout.toSeconds() + " s");
  }

  /** The server's PID: the one its launcher wrote to the PID file, else the started process. */
  public long pid() {
    return serverFromPidFile().map(ProcessHandle::pid).orElse(process.pid());
  }

  /**
   * A failure whose message ends with the last lines of the runtime's log; the runtime is stopped.
   */
  public AssertionError failure(String message) {
    stop();
    return new AssertionError(message + "\n--- last lines of " + log + " ---\n" + logTail());
  }

  /** Stops the runtime by PID: TERM first, KILL after a grace period. */
  @Override
  public void close() {
    stop();
  }

  private synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    long begin = System.nanoTime();
    // Stop the server itself first: a launcher script (WildFly's) exits when its server does.
    serverFromPidFile().ifPresent(RuntimeProcess::terminate);
    terminate(process.toHandle());
    System.out.printf("[it] %s stopped in %.1f s%n", name, secondsSince(begin));
    removeShutdownHook();
  }

  private Optional<ProcessHandle> serverFromPidFile() {
    if (pidFile == null || !Files.isRegularFile(pidFile)) {
      return Optional.empty();
    }
    try {
      long pid = Long.parseLong(Files.readString(pidFile).trim());
      return ProcessHandle.of(pid).filter(this::isOurs);
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  // Only ever signal a process that the started one spawned.
  private boolean isOurs(ProcessHandle handle) {
    return process.toHandle().descendants().anyMatch(d -> d.pid() == handle.pid());
  }

  private static void terminate(ProcessHandle handle) {
    List<ProcessHandle> children = handle.descendants().toList();
    handle.destroy();
    try {
      handle.onExit().get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      handle.destroyForcibly();
    } catch (InterruptedException e) {
      handle.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  private void removeShutdownHook() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // already shutting down: this call is the hook itself
    }
  }

  private String logTail() {
    try {
      List<String> lines = lenientLines(log);
      return String.join(
          "\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
    } catch (IOException e) {
      return "(log unreadable: " + e + ")";
    }
  }

  // Lenient decoding: a log may hold bytes that are not UTF-8, a file may end mid-character.
  static List<String> lenientLines(Path file) throws IOException {
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
  }

  static double secondsSince(long nanos) {
    return (System.nanoTime() - nanos) / 1e9;
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
