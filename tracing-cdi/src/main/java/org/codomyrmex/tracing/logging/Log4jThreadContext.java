package org.codomyrmex.tracing.logging;

import org.apache.logging.log4j.ThreadContext;

/** Log4j 2's thread context map. Loaded only when present. */
final class Log4jThreadContext implements MdcBackend {

  @Override
  public Object get(String key) {
    return ThreadContext.get(key);
  }

  @Override
  public void put(String key, Object value) {
    ThreadContext.put(key, (String) value);
  }

  @Override
  public void remove(String key) {
    ThreadContext.remove(key);
  }
}
