package org.codomyrmex.tracing.it.app;

import java.net.URI;
import org.codomyrmex.tracing.jaxrs.TracingClientFeature;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/** Calls the stock service through MicroProfile Rest Client (runtimes that ship it only). */
final class MicroProfileStockClient {
  private MicroProfileStockClient() {}

  static String quantity(URI api, String sku) {
    StockApi stock =
        RestClientBuilder.newBuilder()
            .baseUri(api)
            .register(TracingClientFeature.class)
            .build(StockApi.class);
    try {
      return stock.quantity(sku);
    } finally {
      close(stock);
    }
  }

  private static void close(Object client) {
    if (client instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        // closing a finished client: nothing to do about a failure here
      }
    }
  }
}
