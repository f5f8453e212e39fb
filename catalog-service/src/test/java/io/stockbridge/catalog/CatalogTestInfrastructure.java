package io.stockbridge.catalog;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.stockbridge.testing.EmbeddedPostgresResource;
import io.stockbridge.testing.OutboxDestinationStub;
import io.stockbridge.testing.ServiceAccountCallContract;

/**
 * The real infrastructure every test of this module runs against (test resources apply to the whole module).
 */
@QuarkusTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(value = OutboxDestinationStub.class,
    initArgs = { @ResourceArg(name = "destination", value = ServiceAccountCallContract.DESTINATION),
        @ResourceArg(name = "restClients", value = "compliance") })
@QuarkusTestResource(ChannelSandboxResource.class)
public final class CatalogTestInfrastructure {
  private CatalogTestInfrastructure() {
  }
}
