package org.codomyrmex.tracing.it.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The sample shop: every resource of this jar under {@code /api}, found by the runtime's scanning.
 */
@ApplicationPath("/api")
public class ShopApplication extends Application {}
