package org.codomyrmex.tracing.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.inject.build.compatible.spi.BuildCompatibleExtension;
import jakarta.enterprise.inject.spi.Extension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.codomyrmex.tracing.Tracers;
import org.codomyrmex.tracing.cdi.TestBeans.MemoryExporterProducer;
import org.codomyrmex.tracing.cdi.TestBeans.OrderService;
import org.codomyrmex.tracing.cdi.TestBeans.SwitchedService;
import org.codomyrmex.tracing.cdi.TestBeans.TracerHolder;
import org.codomyrmex.tracing.export.InMemoryExporter;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.jboss.weld.lite.extension.translator.LiteExtensionTranslator;
import org.junit.jupiter.api.Test;

/** What makes "adding the jar is enough" true: service files, no beans.xml, a Jandex index. */
class PackagingTest {
  private static Path classesRoot() throws Exception {
    return Path.of(
        TracedInterceptor.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  @Test
  void bothExtensionsAreServiceProviders() {
    assertThat(ServiceLoader.load(Extension.class).stream())
        .extracting(ServiceLoader.Provider::type)
        .contains(TracingExtension.class);
    assertThat(ServiceLoader.load(BuildCompatibleExtension.class).stream())
        .extracting(ServiceLoader.Provider::type)
        .contains(TracingBuildCompatibleExtension.class);
  }

  @Test
  void jarHasAJandexIndexAndNoBeansXml() throws Exception {
    Path root = classesRoot();
    assertThat(root.resolve("META-INF/beans.xml")).doesNotExist();
    Path index = root.resolve("META-INF/jandex.idx");
    assertThat(index).exists();
    String names = new String(Files.readAllBytes(index), StandardCharsets.ISO_8859_1);
    assertThat(names).contains("TracedInterceptor", "TracingLifecycle", "TracerProducer", "Traced");
  }

  @Test
  void discoveredFromTheClasspathTheInterceptorRunsOnce() {
    Tracers.shutdownAll();
    Weld weld =
        new Weld() // discovery on: the extension comes from META-INF/services, as in applications
            .addBeanClasses(
                OrderService.class,
                SwitchedService.class,
                TracerHolder.class,
                MemoryExporterProducer.class);
    try (WeldContainer container = weld.initialize()) {
      assertThat(container.getBeanManager().getExtension(TracingExtension.class)).isNotNull();
      assertThat(container.select(LiteExtensionTranslator.class).isResolvable()).isFalse();

      container.select(OrderService.class).get().checkout();
      container.select(TracerHolder.class).get().flush();

      assertThat(container.select(InMemoryExporter.class).get().getSpans())
          .extracting(span -> span.name())
          .containsExactly("SwitchedService.on", "OrderService.checkout");
    }
  }
}
