package io.stockbridge.gateway;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.stockbridge.sandbox.warehouse.Accounts;
import io.stockbridge.sandbox.warehouse.WarehouseSandbox;

/**
 * The warehouse sandbox (ShipBob-, WINIT- and 4PX-style APIs with real field names and signatures) started in the
 * test JVM, with the gateway's partner base URLs pointed at it.
 */
public class WarehouseSandboxResource implements QuarkusTestResourceLifecycleManager {
  /** Marks the test field that receives the running {@link WarehouseSandbox}. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.FIELD)
  public @interface InjectSandbox {
  }

  private WarehouseSandbox sandbox;

  @Override
  public Map<String, String> start() {
    sandbox = new WarehouseSandbox(Accounts.defaults()).start(0);
    return Map.of(
        "stockbridge.gateway.polling.shipbob-url", sandbox.baseUrl() + "/shipbob",
        "stockbridge.gateway.polling.winit-url", sandbox.baseUrl() + "/winit",
        "stockbridge.gateway.polling.fourpx-url", sandbox.baseUrl() + "/fourpx");
  }

  @Override
  public void inject(TestInjector testInjector) {
    testInjector.injectIntoFields(sandbox, new TestInjector.AnnotatedAndMatchesType(InjectSandbox.class,
        WarehouseSandbox.class));
  }

  @Override
  public void stop() {
    if (sandbox != null) {
      sandbox.close();
    }
  }
}
