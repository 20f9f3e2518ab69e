package org.codomyrmex.tracing.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/** Free TCP ports on 127.0.0.1, each handed out once per test JVM. */
public final class FreePort {
  private static final Set<Integer> HANDED_OUT = new HashSet<>();

  private FreePort() {}

  /** A port that was free on 127.0.0.1 a moment ago and that this JVM has not handed out before. */
  public static synchronized int next() {
    for (int attempt = 0; attempt < 50; attempt++) {
      int port = probe();
      if (HANDED_OUT.add(port)) {
        return port;
      }
    }
    throw new IllegalStateException("no free port on 127.0.0.1 after 50 attempts");
  }

  private static int probe() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
