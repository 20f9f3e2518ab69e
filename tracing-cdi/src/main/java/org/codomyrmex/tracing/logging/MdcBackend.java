package org.codomyrmex.tracing.logging;

/** One logging library's per-thread diagnostic map, reached only when the library is present. */
interface MdcBackend {

  /** Returns the value of {@code key} on this thread, or {@code null}. */
  Object get(String key);

  /** Sets {@code key} to {@code value} on this thread; {@code value} came from this backend. */
  void put(String key, Object value);

  /** Sets {@code key} to {@code value} on this thread and returns the value it had, or null. */
  default Object swap(String key, Object value) {
    Object previous = get(key);
    put(key, value);
    return previous;
  }

  /** Removes {@code key} on this thread. */
  void remove(String key);
}
