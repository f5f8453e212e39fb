package io.stockbridge.catalog;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.stockbridge.testing.EmbeddedPostgresResource;

/**
 * The real infrastructure every test of this module runs against (test resources apply to the whole module).
 */
@QuarkusTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
@QuarkusTestResource(OidcWiremockTestResource.class)
public final class CatalogTestInfrastructure {
  private CatalogTestInfrastructure() {
  }
}
