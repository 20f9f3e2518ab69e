package org.codomyrmex.tracing.bench.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The benchmark's HTTP client against canned responses from a socket on 127.0.0.1. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LoopbackHttpClientTest {
  private ServerSocket server;

  @BeforeEach
  void listen() throws IOException {
    server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    server.setSoTimeout(10_000);
  }

  @AfterEach
  void close() throws IOException {
    server.close();
  }

  @Test
  void readsContentLengthBodiesWhateverTheHeaderCase() throws Exception {
    CompletableFuture<List<String>> requests =
        serve(
            "HTTP/1.1 200 OK\r\nX-Trace-Id: 0af7651916cd43dd8448eb211c80319c\r\n"
                + "CONTENT-LENGTH:  5\r\n\r\nhello",
            "HTTP/1.1 200 OK\r\ncontent-length: 11\r\nContent-Type: text/plain\r\n\r\nhello again");
    LongAdder sent = new LongAdder();
    try (LoopbackHttpClient client = client(sent)) {
      assertThat(client.get()).isEqualTo(5);
      assertThat(client.get()).isEqualTo(11);
    }
    assertThat(sent.sum()).isEqualTo(2);
    assertThat(requests.get(10, TimeUnit.SECONDS))
        .allSatisfy(request -> assertThat(request).startsWith("GET /api/hello HTTP/1.1\r\n"));
  }

  @Test
  void readsChunkedBodies() throws Exception {
    serve(
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: Chunked\r\n\r\n"
            + "5\r\nhello\r\nA\r\n0123456789\r\n0\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
    try (LoopbackHttpClient client = client(new LongAdder())) {
      assertThat(client.get()).isEqualTo(15);
      assertThat(client.get()).isEqualTo(2); // the chunked body was read to its end
    }
  }

  @Test
  void readsLinesThatArriveInPieces() throws Exception {
    serve("HTTP/1.1 2|00 OK\r\nContent-Le|ngth: 3\r|\n\r\nab|c", "HTTP/1.1 200 OK\r\n\r\n");
    try (LoopbackHttpClient client = client(new LongAdder())) {
      assertThat(client.get()).isEqualTo(3);
      assertThat(client.get()).isZero(); // and the next response starts where that body ended
    }
  }

  @Test
  void refusesALineLongerThanItsBuffer() throws Exception {
    serve("HTTP/1.1 200 OK\r\nX-Padding: " + "p".repeat(20_000) + "\r\n\r\n");
    try (LoopbackHttpClient client = client(new LongAdder())) {
      assertThatThrownBy(client::get)
          .isInstanceOf(IOException.class)
          .hasMessageContaining("longer than");
    }
  }

  @Test
  void refusesAContentLengthThatIsNotANumber() throws Exception {
    serve("HTTP/1.1 200 OK\r\nContent-Length: 5x\r\n\r\nhello");
    try (LoopbackHttpClient client = client(new LongAdder())) {
      assertThatThrownBy(client::get)
          .isInstanceOf(IOException.class)
          .hasMessage("bad number in response:  5x");
    }
  }

  @Test
  void failsOnAnotherStatus() throws Exception {
    serve("HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n\r\n");
    try (LoopbackHttpClient client = client(new LongAdder())) {
      assertThatThrownBy(client::get)
          .isInstanceOf(IOException.class)
          .hasMessage("unexpected response: HTTP/1.1 500 Internal Server Error");
    }
  }

  @Test
  void failsWhenTheServerCloses() throws Exception {
    serve("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhel");
    try (LoopbackHttpClient client = client(new LongAdder())) {
      assertThatThrownBy(client::get)
          .isInstanceOf(IOException.class)
          .hasMessage("connection closed by the server");
    }
  }

  private LoopbackHttpClient client(LongAdder sent) throws IOException {
    return new LoopbackHttpClient(
        server.getLocalPort(), new String[] {"/api/hello"}, new LongAdder[] {sent});
  }

  // Answers one connection's requests with `responses`, in order, then closes it; returns the
  // request heads it read. A '|' in a response splits it into writes 50 ms apart.
  private CompletableFuture<List<String>> serve(String... responses) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (Socket socket = server.accept()) {
            socket.setSoTimeout(10_000);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            List<String> heads = new ArrayList<>();
            for (String response : responses) {
              heads.add(head(in));
              write(out, response);
            }
            return heads;
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  private static void write(OutputStream out, String response) throws IOException {
    String[] pieces = response.split("\\|", -1);
    for (int i = 0; i < pieces.length; i++) {
      if (i > 0) {
        pause();
      }
      out.write(pieces[i].getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
    }
  }

  private static void pause() throws IOException {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private static String head(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("client closed");
      }
      head.write(b);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }
}
