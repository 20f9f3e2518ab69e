package org.codomyrmex.tracing.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.SpanKind;
import org.codomyrmex.tracing.Tracers;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** MicroProfile Rest Client: typed clients are traced without registering anything. */
@ExtendWith(Services.class)
class RestClientIT {
  @Test
  void typedClientsGetTheFeatureThroughTheListener() throws Exception {
    Services.flushAll();
    CollectingExporter.INSTANCE.clear();
    BackendItems items =
        RestClientBuilder.newBuilder()
            .baseUri(URI.create(System.getProperty(Services.BACKEND_URL)))
            // the default mapper reads MicroProfile Config, which this test run does not ship
            .property("microprofile.rest.client.disable.default.mapper", true)
            .build(BackendItems.class);
    Map<String, String> seen;
    Span parent;
    try (Span span = Tracers.get(Services.TEST_CLIENT).span("mp-caller")) {
      parent = span;
      seen = Http.lines(items.item("11"));
    }
    List<Span> trace = CollectingExporter.INSTANCE.awaitTrace(parent.traceId(), 3);
    Span client = CrossServiceIT.kind(trace, SpanKind.CLIENT);
    assertThat(client.parentSpanId()).isEqualTo(parent.spanId());
    assertThat(seen).containsEntry("span", client.spanId()).containsEntry("item", "11");
    if (items instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }
}
