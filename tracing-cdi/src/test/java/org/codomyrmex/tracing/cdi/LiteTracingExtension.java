package org.codomyrmex.tracing.cdi;

import jakarta.enterprise.inject.build.compatible.spi.BeanInfo;
import jakarta.enterprise.inject.build.compatible.spi.Discovery;
import jakarta.enterprise.inject.build.compatible.spi.Messages;
import jakarta.enterprise.inject.build.compatible.spi.Registration;
import jakarta.enterprise.inject.build.compatible.spi.ScannedClasses;
import jakarta.enterprise.inject.build.compatible.spi.Synthesis;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticComponents;
import jakarta.enterprise.inject.build.compatible.spi.Validation;

/**
 * {@link TracingBuildCompatibleExtension} without {@code @SkipIfPortableExtensionPresent}: Weld
 * runs portable extensions, so it skips the real one; this re-declaration (Weld only invokes
 * methods a BCE class declares itself) makes Weld's Lite translator run the very same steps.
 */
public class LiteTracingExtension extends TracingBuildCompatibleExtension {
  @Override
  @Discovery
  public void addBeanClasses(ScannedClasses scanned) {
    super.addBeanClasses(scanned);
  }

  @Override
  @Registration(types = Object.class)
  public void collectTracerNames(BeanInfo bean) {
    super.collectTracerNames(bean);
  }

  @Override
  @Synthesis
  public void addNamedTracers(SyntheticComponents components) {
    super.addNamedTracers(components);
  }

  @Override
  @Validation
  public void checkConfiguration(Messages messages) {
    super.checkConfiguration(messages);
  }
}
