package org.codomyrmex.tracing;

import java.util.HashMap;
import java.util.Map;

/** Sets system properties for a test and puts the old values back when closed. */
final class SystemProperties implements AutoCloseable {
  private final Map<String, String> previous = new HashMap<>();

  static SystemProperties set(String... keysAndValues) {
    SystemProperties properties = new SystemProperties();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      properties.previous.put(keysAndValues[i], System.getProperty(keysAndValues[i]));
      System.setProperty(keysAndValues[i], keysAndValues[i + 1]);
    }
    return properties;
  }

  @Override
  public void close() {
    previous.forEach(
        (key, value) -> {
          if (value == null) {
            System.clearProperty(key);
          } else {
            System.setProperty(key, value);
          }
        });
  }
}
