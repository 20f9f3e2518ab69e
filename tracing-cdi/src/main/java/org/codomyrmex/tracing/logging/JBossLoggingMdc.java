package org.codomyrmex.tracing.logging;

import org.jboss.logging.MDC;

/** JBoss Logging's MDC: the log manager's own on WildFly and Quarkus. Loaded only when present. */
final class JBossLoggingMdc implements MdcBackend {

  @Override
  public Object get(String key) {
    return MDC.get(key);
  }

  @Override
  public void put(String key, Object value) {
    MDC.put(key, value);
  }

  @Override
  public Object swap(String key, Object value) {
    return MDC.put(key, value);
  }

  @Override
  public void remove(String key) {
    MDC.remove(key);
  }
}
