package org.codomyrmex.tracing.it.quarkus;

/** Thrown for a missing catalog item; no exception mapper handles it. */
public class CatalogItemMissingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** For the item {@code id}. */
  public CatalogItemMissingException(String id) {
    super("no catalog item " + id);
  }
}
