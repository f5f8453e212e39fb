package io.stockbridge.testing.platform;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.stockbridge.testing.EmbeddedPostgresResource;
import io.stockbridge.testing.OutboxDestinationStub;

@QuarkusTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "platform"))
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(OutboxDestinationStub.class)
public final class PlatformTestInfrastructure {
  private PlatformTestInfrastructure() {
  }
}
