package org.codomyrmex.tracing.it.app;

import java.net.URI;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Calls the stock service through MicroProfile Rest Client (runtimes that ship it only). Nothing is
 * registered: the library's {@code RestClientListener} adds tracing to every such client.
 */
final class MicroProfileStockClient {
  private MicroProfileStockClient() {}

  static String quantity(URI api, String sku) {
    StockApi stock = RestClientBuilder.newBuilder().baseUri(api).build(StockApi.class);
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
