package io.stockbridge.catalog;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.stockbridge.sandbox.channel.ChannelSandbox;

/**
 * The channel sandbox (TikTok-Shop-style OAuth, signed API, audits, webhooks) started in the test JVM, with
 * catalog-service's channel app and URLs pointed at it.
 */
public class ChannelSandboxResource implements QuarkusTestResourceLifecycleManager {
  /** Marks the test field that receives the running {@link ChannelSandbox}. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.FIELD)
  public @interface InjectChannel {
  }

  private ChannelSandbox channel;

  @Override
  public Map<String, String> start() {
    channel = new ChannelSandbox(ChannelSandbox.DEFAULT_APP_KEY, ChannelSandbox.DEFAULT_APP_SECRET).start(0);
    return Map.of(
        "stockbridge.catalog.channel.app-key", ChannelSandbox.DEFAULT_APP_KEY,
        "stockbridge.catalog.channel.app-secret", ChannelSandbox.DEFAULT_APP_SECRET,
        "stockbridge.catalog.channel.authorize-url", channel.baseUrl() + "/oauth/authorize",
        "quarkus.rest-client.channel-auth.url", channel.baseUrl(),
        "quarkus.rest-client.channel-api.url", channel.baseUrl());
  }

  @Override
  public void inject(TestInjector testInjector) {
    testInjector.injectIntoFields(channel, new TestInjector.AnnotatedAndMatchesType(InjectChannel.class,
        ChannelSandbox.class));
  }

  @Override
  public void stop() {
    if (channel != null) {
      channel.close();
    }
  }
}
