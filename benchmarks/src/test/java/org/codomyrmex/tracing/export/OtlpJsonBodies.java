package org.codomyrmex.tracing.export;

import java.util.Collection;
import org.codomyrmex.tracing.Span;

/** Gives the benchmarks' tests the request body this library's OTLP exporter sends. */
public final class OtlpJsonBodies {
  private OtlpJsonBodies() {}

  /** Returns the OTLP/HTTP JSON body of {@code spans}, before compression. */
  public static byte[] encode(Collection<Span> spans) {
    return OtlpJson.encode(spans);
  }
}
