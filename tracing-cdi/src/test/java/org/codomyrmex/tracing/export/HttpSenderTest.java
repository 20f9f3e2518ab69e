package org.codomyrmex.tracing.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class HttpSenderTest {

  @Test
  void bodiesAreCompressedAtTheFastestLevel() throws IOException {
    byte[] json = ZipkinJson.encode(SampleSpans.many("svc", 64));
    ByteArrayOutputStream fastest = new ByteArrayOutputStream();
    try (DeflaterOutputStream deflate =
        new DeflaterOutputStream(fastest, new Deflater(Deflater.BEST_SPEED, true))) {
      deflate.write(json);
    }

    byte[] gzip = HttpSender.gzip(json);

    assertThat(new GZIPInputStream(new ByteArrayInputStream(gzip)).readAllBytes()).isEqualTo(json);
    // after the 10-byte gzip header, the raw deflate stream; then CRC-32 and length, 8 bytes
    assertThat(Arrays.copyOfRange(gzip, 10, gzip.length - 8)).isEqualTo(fastest.toByteArray());
  }
}
