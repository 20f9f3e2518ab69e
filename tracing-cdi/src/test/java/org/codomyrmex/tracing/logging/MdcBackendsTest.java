package org.codomyrmex.tracing.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which MDCs the listener writes to, found in a class loader. */
class MdcBackendsTest {

  @Test
  void withoutAnyLoggingLibraryTheListenerStaysInactive() {
    List<MdcBackend> none = MdcBackends.detect(ClassLoader.getPlatformClassLoader());

    assertThat(none).isEmpty();
    assertThat(new MdcCorrelation(none).isActive()).isFalse();
  }

  @Test
  void findsTheLibrariesOnTheTestClassPathEachMapOnce() {
    List<MdcBackend> found = MdcBackends.detect(MdcBackendsTest.class.getClassLoader());

    assertThat(found).hasAtLeastOneElementOfType(Slf4jMdc.class);
    assertThat(found).hasAtLeastOneElementOfType(JBossLoggingMdc.class);
    for (MdcBackend writer : found) {
      writer.put("shared-probe", "x");
      try {
        assertThat(found.stream().filter(reader -> "x".equals(reader.get("shared-probe"))))
            .containsExactly(writer);
      } finally {
        writer.remove("shared-probe");
      }
    }
    assertThat(new MdcCorrelation(found).isActive()).isTrue();
  }

  @Test
  void theServiceFileNamesTheListener() {
    assertThat(
            java.util.ServiceLoader.load(org.codomyrmex.tracing.CurrentSpanListener.class).stream())
        .extracting(java.util.ServiceLoader.Provider::type)
        .contains(MdcCorrelation.class);
  }
}
