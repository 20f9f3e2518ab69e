package org.codomyrmex.tracing.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BeanClassesTest {
  static class Order {}

  // Names as Weld, ArC and OpenWebBeans generate them for intercepted beans.
  static class Order$Proxy$_$$_WeldSubclass extends Order {}

  static class Order_Subclass extends Order {}

  static class Order$$OwbInterceptProxy0 extends Order {}

  static class Generated$$Root {}

  @Test
  void walksUpFromGeneratedSubclassesToTheBeanClass() {
    assertThat(BeanClasses.unproxied(Order$Proxy$_$$_WeldSubclass.class)).isEqualTo(Order.class);
    assertThat(BeanClasses.unproxied(Order_Subclass.class)).isEqualTo(Order.class);
    assertThat(BeanClasses.unproxied(Order$$OwbInterceptProxy0.class)).isEqualTo(Order.class);
  }

  @Test
  void keepsApplicationClassesAndNeverReturnsObject() {
    assertThat(BeanClasses.unproxied(Order.class)).isEqualTo(Order.class);
    assertThat(BeanClasses.unproxied(Generated$$Root.class)).isEqualTo(Generated$$Root.class);
  }
}
