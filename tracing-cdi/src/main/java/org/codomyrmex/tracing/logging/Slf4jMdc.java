package org.codomyrmex.tracing.logging;

import org.slf4j.MDC;

/** SLF4J's MDC (Logback, or whatever SLF4J is bound to). Loaded only when present. */
final class Slf4jMdc implements MdcBackend {

  @Override
  public Object get(String key) {
    return MDC.get(key);
  }

  @Override
  public void put(String key, Object value) {
    MDC.put(key, (String) value);
  }

  @Override
  public void remove(String key) {
    MDC.remove(key);
  }
}
