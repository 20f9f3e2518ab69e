package org.codomyrmex.tracing.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.inject.spi.BeanManager;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.jboss.weld.lite.extension.translator.LiteExtensionTranslator;
import org.junit.jupiter.api.Test;

/** The scenarios on CDI Full: the portable extension registers everything. */
@EnableWeld
class PortableExtensionTest extends TracedScenarios {
  @WeldSetup
  WeldInitiator weld = WeldInitiator.from(Deployments.PORTABLE.weld(TestBeans.ALL)).build();

  @Test
  void theBuildCompatibleExtensionStepsAside() {
    BeanManager beans = weld.getBeanManager();
    assertThat(beans.getExtension(TracingExtension.class)).isNotNull();
    // Our BCE is on the classpath (META-INF/services) yet Weld found nothing to translate.
    assertThat(weld.select(LiteExtensionTranslator.class).isResolvable()).isFalse();
  }
}
