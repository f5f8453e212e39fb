package io.stockbridge.catalog.listing.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;

/** compliance-service's publication check, called with this service's client-credentials token for a seller. */
@RegisterRestClient(configKey = "compliance")
@OidcClientFilter
@Path("/v1/checks")
interface ComplianceCheckRestClient {

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  Uni<ComplianceVerdict> check(@HeaderParam("Stockbridge-Seller-Id") String sellerId, ComplianceCheckRequest request);
}
