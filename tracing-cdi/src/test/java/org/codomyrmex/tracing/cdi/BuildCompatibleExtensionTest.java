package org.codomyrmex.tracing.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.enterprise.inject.spi.BeanManager;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.jboss.weld.lite.extension.translator.LiteExtensionTranslator;
import org.junit.jupiter.api.Test;

/** The scenarios on CDI Lite: Weld translates the build compatible extension's steps. */
@EnableWeld
class BuildCompatibleExtensionTest extends TracedScenarios {
  @WeldSetup WeldInitiator weld = WeldInitiator.from(Deployments.LITE.weld(TestBeans.ALL)).build();

  @Test
  void onlyTheBuildCompatibleExtensionRuns() {
    BeanManager beans = weld.getBeanManager();
    assertThatThrownBy(() -> beans.getExtension(TracingExtension.class))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(weld.select(LiteExtensionTranslator.class).isResolvable()).isTrue();
  }
}
