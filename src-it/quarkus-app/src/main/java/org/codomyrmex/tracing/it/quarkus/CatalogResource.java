package org.codomyrmex.tracing.it.quarkus;

/** Implements {@link CatalogApi} without a JAX-RS annotation of its own. */
public class CatalogResource implements CatalogApi {
  @Override
  public String item(String id) {
    if (id.startsWith("boom")) {
      throw new CatalogItemMissingException(id);
    }
    return "item " + id;
  }
}
